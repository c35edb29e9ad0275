/** A progress line on stderr for long runs on a terminal; nothing otherwise (stdout stays the report). */
export function progressReporter(total: number, stream: NodeJS.WriteStream = process.stderr): ((done: number, total: number) => void) | undefined {
  if (!stream.isTTY || total < 50) return undefined;
  let last = 0;
  return (done) => {
    const now = Date.now();
    if (done < total && now - last < 100) return;
    last = now;
    stream.write(`\r\x1b[Ksoplint: ${done}/${total} files`);
    if (done === total) stream.write('\r\x1b[K');
  };
}
