/**
 * What the dashboard and the monthly report share of their look. Colours keep a contrast of
 * at least 4.5:1 on their background (WCAG 2.1 AA); nothing is wider than a 360 px screen.
 */
export const PAGE_STYLE = `
  *, *::before, *::after { box-sizing: border-box; }
  body { font-family: system-ui, sans-serif; margin: 0; color: #1f2933; background: #f7f9fb; line-height: 1.4; }
  header, main { padding: 0 1rem; max-width: 90rem; margin: 0 auto; }
  header { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: baseline; justify-content: space-between; padding-top: 1rem; }
  h1 { font-size: 1.4rem; margin: 0 0 .75rem; }
  h2 { font-size: 1.15rem; margin: 1.25rem 0 .5rem; }
  a { color: #0b5394; }
  nav { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; }
  button { font: inherit; padding: .35rem .8rem; border: 1px solid #0b5394; background: #0b5394; color: #fff; border-radius: .3rem; cursor: pointer; }
  input, select { font: inherit; max-width: 100%; }
  form, .token { display: flex; gap: .75rem; align-items: end; flex-wrap: wrap; margin-bottom: 1rem; }
  label { display: flex; flex-direction: column; font-size: .85rem; gap: .2rem; max-width: 100%; }
  .token input { width: 30rem; max-width: 100%; }
  #status { font-size: .9rem; color: #3e4c59; }
  .figure-box, .chart { background: #fff; border-radius: .5rem; padding: .75rem; box-shadow: 0 1px 2px #0003; margin: 0; min-width: 0; }
  figcaption { font-weight: 600; margin-bottom: .5rem; }
  canvas { display: block; width: 100% !important; height: auto !important; }
  .table-wrap { overflow-x: auto; max-width: 100%; }
  .table-wrap:focus-visible, a:focus-visible, button:focus-visible { outline: 3px solid #0b5394; outline-offset: 2px; }
  table { border-collapse: collapse; font-size: .9rem; margin: .5rem 0; }
  caption { text-align: left; font-weight: 600; padding: .25rem 0; }
  th, td { border-bottom: 1px solid #cbd2d9; padding: .3rem .6rem; text-align: right; vertical-align: top; }
  th[scope="row"], thead th:first-child { text-align: left; }
  thead th { background: #e4e7eb; }
  td { white-space: nowrap; }
  td.none { white-space: normal; color: #3e4c59; font-style: italic; text-align: left; }
  details { margin-top: .5rem; }
  summary { cursor: pointer; color: #0b5394; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  [hidden] { display: none !important; }
`;
