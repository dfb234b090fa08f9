import { once } from "node:events";
import type { Writable } from "node:stream";

/** Writes `chunk` and waits for the stream to drain when its buffer is full. */
export async function writeWithBackpressure(output: Writable, chunk: string | Buffer) {
  if (!output.write(chunk)) await once(output, "drain");
}

/** Ends `output` and waits until every byte is flushed. */
export async function endOutput(output: Writable): Promise<void> {
  const finished = once(output, "finish");
  output.end();
  await finished;
}
