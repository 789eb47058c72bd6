type Methods<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? jest.Mock<R, A> : T[K] };

/**
 * A mock with a jest.fn() for every method of the class's real prototype chain, so a renamed or
 * removed method breaks the test that relies on it instead of silently passing.
 */
export function automock<T extends object>(type: abstract new (...args: never[]) => T): jest.Mocked<T> & Methods<T> {
  const mock: Record<string, unknown> = {};
  for (
    let prototype = type.prototype as object | null;
    prototype && prototype !== Object.prototype;
    prototype = Object.getPrototypeOf(prototype) as object | null
  ) {
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const descriptor = Object.getOwnPropertyDescriptor(prototype, name);
      if (name === 'constructor' || name in mock || typeof descriptor?.value !== 'function') continue;
      mock[name] = jest.fn();
    }
  }
  return mock as jest.Mocked<T> & Methods<T>;
}
