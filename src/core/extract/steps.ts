// Extraction as resumable steps. Each phase is a generator that yields between pieces of work
// (a batch of elements, a batch of blocks); nothing is passed in or out at a yield. The synchronous
// `extract` runs the steps to the end in one go; `extractInSteps` runs them in time slices and
// lets the event loop run between slices, so a long page never holds the tab in one long task.

/** Work that can pause between steps and finally returns a `T`. */
export type Steps<T> = Generator<void, T, void>;

/** Run every step at once and return the result. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Run the steps, handing control back (`await pause()`) whenever a slice has run for `sliceMs`.
 * A step itself is never interrupted, so steps are kept to a few milliseconds each.
 */
export async function runStepsInSlices<T>(steps: Steps<T>, pause: () => Promise<unknown>, sliceMs: number): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await pause();
      sliceStart = performance.now();
    }
  }
}

/** The default pause: a new task, so input, rendering and the page's own tasks can run first. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
