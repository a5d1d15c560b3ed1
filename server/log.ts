// Log lines for the server and the scheduler: a timestamp and a message, on stderr.
export function log(message: string): void {
  process.stderr.write(`${new Date().toISOString()} ${message}\n`);
}
