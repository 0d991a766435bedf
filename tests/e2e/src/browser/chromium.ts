// Chromium with fake media lives in @thc/testing, shared with scripts that take screenshots.
export { launchChromium } from '@thc/testing';
