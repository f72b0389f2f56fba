// One HTTP request for one feed page, with every way it can fail turned into a value. The body is
// read as a stream and abandoned as soon as it passes the size limit; one deadline covers
// connecting, headers and body, so a server that trickles bytes cannot hold the poller.
export type FetchOutcome =
  | { kind: 'body'; status: 200; body: Buffer; signature: string | null }
  | { kind: 'no_content'; status: 204 | 304 }
  | { kind: 'http_error'; status: number; retryAfter: string | null }
  | { kind: 'too_large'; bytes: number }
  | { kind: 'timeout' }
  | { kind: 'network_error'; message: string };

export interface FetchPageRequest {
  url: string;
  token: string;
  timeoutMs: number;
  maxBytes: number;
  signal?: AbortSignal;
}

export async function fetchPage(request: FetchPageRequest): Promise<FetchOutcome> {
  const deadline = AbortSignal.timeout(request.timeoutMs);
  const signal = request.signal ? AbortSignal.any([deadline, request.signal]) : deadline;
  try {
    const response = await fetch(request.url, {
      method: 'GET',
      // identity: the signature is over the exact body bytes, which a decompressing client would not see.
      headers: {
        Authorization: `Bearer ${request.token}`,
        Accept: 'application/json',
        'Accept-Encoding': 'identity',
      },
      signal,
      redirect: 'error',
    });
    if (response.status === 204 || response.status === 304) {
      await response.body?.cancel();
      return { kind: 'no_content', status: response.status };
    }
    if (response.status !== 200) {
      await response.body?.cancel();
      return { kind: 'http_error', status: response.status, retryAfter: response.headers.get('retry-after') };
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > request.maxBytes) {
      await response.body?.cancel();
      return { kind: 'too_large', bytes: declared };
    }
    const body = await readBounded(response, request.maxBytes);
    if (body.kind === 'too_large') return body;
    return { kind: 'body', status: 200, body: body.buffer, signature: response.headers.get('x-signature') };
  } catch (error) {
    if (deadline.aborted) return { kind: 'timeout' };
    return { kind: 'network_error', message: describeNetworkError(error) };
  }
}

async function readBounded(
  response: Response,
  maxBytes: number,
): Promise<{ kind: 'ok'; buffer: Buffer } | { kind: 'too_large'; bytes: number }> {
  const reader = response.body?.getReader();
  if (!reader) return { kind: 'ok', buffer: Buffer.alloc(0) };
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return { kind: 'too_large', bytes: total };
    }
    chunks.push(value);
  }
  return { kind: 'ok', buffer: Buffer.concat(chunks, total) };
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  if (cause?.code) return cause.code;
  return error instanceof Error ? error.message : String(error);
}
