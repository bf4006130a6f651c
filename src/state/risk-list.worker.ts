/// <reference lib="webworker" />
import { RiskListSource, type RiskListReply, type RiskListRequest } from './risk-list-source';

// Reads and prepares the risk list off the page (see risk-list-source.ts).
const source = new RiskListSource((reply: RiskListReply, transfer?: Transferable[]) => (self as unknown as Worker).postMessage(reply, transfer ?? []));
self.onmessage = (ev: MessageEvent<RiskListRequest>) => source.handle(ev.data);
