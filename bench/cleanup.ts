/**
 * What a run must undo however it ends — the child processes, the PostgreSQL database it created —
 * registered as each is made and undone, newest first, by `cleanUp`: at the end of each database's
 * section, on an error, and on Ctrl-C or SIGTERM. Concurrent calls share one pass, so a signal
 * arriving during the normal clean-up waits for it instead of exiting halfway.
 */
const tasks: { label: string; undo: () => Promise<void> }[] = [];
let pass: Promise<void> | undefined;

export function onCleanup(label: string, undo: () => Promise<void>): void {
  tasks.push({ label, undo });
}

export function cleanUp(): Promise<void> {
  pass ??= (async () => {
    for (let task = tasks.pop(); task; task = tasks.pop()) {
      try {
        await task.undo();
      } catch (err) {
        console.error(`clean-up: ${task.label} failed: ${(err as Error).message}`);
      }
    }
  })().finally(() => {
    pass = undefined;
  });
  return pass;
}
