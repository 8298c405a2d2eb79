// The host element of the plain Readability reader the bench compares ours with: written by the
// peer (peer-reader.ts), watched by the paint probe (probe.ts), which must not bundle the peer.
export const PEER_HOST = 'qingdu-bench-peer';
