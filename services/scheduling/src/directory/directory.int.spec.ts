import { bearer, TestNamespace, walkRoutes } from '@thc/testing';
import { useDirectoryApp } from './testing/directory-testbed';

describe('the directory over HTTP', () => {
  const t = useDirectoryApp(new TestNamespace('directory'), bearer);

  it('every route declares who may call it', () => {
    expect(walkRoutes(t.app).filter((route) => !route.policy)).toEqual([]);
  });
});
