/**
 * Deflate in another thread: the spreadsheet worker hands each piece of a workbook's XML to a
 * deflate worker as soon as it is made (transferred, not copied) and goes on making the next one, so
 * on two cores the compression (a third of an export) runs alongside the rest instead of after it.
 * One worker serves any number of entries at once, told apart by number.
 */
import { localDeflater, type Deflater, type DeflateSink } from './zip-write';

type Request = { id: number; piece: Uint8Array } | { id: number; end: true };
type Reply = { id: number; bytes: Uint8Array } | { id: number; error: string };

/** The worker's side: one local deflate stream per entry. */
export function serveDeflate(scope: {
  onmessage: ((ev: MessageEvent<Request>) => void) | null;
  postMessage(message: Reply, transfer: Transferable[]): void;
}): void {
  const open = new Map<number, DeflateSink>();
  scope.onmessage = (ev) => {
    const req = ev.data;
    let sink = open.get(req.id);
    if (!sink) {
      sink = localDeflater();
      open.set(req.id, sink);
    }
    if ('piece' in req) return sink.write(req.piece);
    open.delete(req.id);
    sink.end().then(
      (bytes) => scope.postMessage({ id: req.id, bytes }, [bytes.buffer]),
      (e: unknown) => scope.postMessage({ id: req.id, error: e instanceof Error ? e.message : String(e) }, []),
    );
  };
}

/** The other side: a Deflater whose streams run in `worker`. A worker that fails fails every open entry. */
export function remoteDeflater(worker: Worker): Deflater {
  let next = 0;
  let failed: Error | null = null;
  const waiting = new Map<number, { resolve: (b: Uint8Array) => void; reject: (e: Error) => void }>();
  worker.onmessage = (ev: MessageEvent<Reply>) => {
    const w = waiting.get(ev.data.id);
    if (!w) return;
    waiting.delete(ev.data.id);
    if ('bytes' in ev.data) w.resolve(ev.data.bytes);
    else w.reject(new Error(`compression failed: ${ev.data.error}`));
  };
  worker.onerror = (ev) => {
    ev.preventDefault();
    failed = new Error(`the compression worker failed: ${ev.message || 'no message'}`);
    for (const w of waiting.values()) w.reject(failed);
    waiting.clear();
  };
  return () => {
    const id = next++;
    return {
      write(piece) {
        // Transferred when the piece owns its whole buffer (a TextEncoder's output does); a view into
        // a larger buffer is copied first, so only its own bytes cross (cloning the view would copy
        // the whole buffer behind it).
        const own = piece.byteOffset === 0 && piece.byteLength === piece.buffer.byteLength && piece.buffer instanceof ArrayBuffer;
        const sent = own ? piece : piece.slice();
        worker.postMessage({ id, piece: sent } satisfies Request, [sent.buffer as ArrayBuffer]);
      },
      end() {
        return new Promise<Uint8Array>((resolve, reject) => {
          if (failed) return reject(failed);
          waiting.set(id, { resolve, reject });
          worker.postMessage({ id, end: true } satisfies Request);
        });
      },
    };
  };
}
