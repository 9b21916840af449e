package vn.r57desk.store.sync;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Okio;

/** Counts a response's body bytes as they are read from the network, for the sync's progress. */
final class ReceivedBytes {
    private ReceivedBytes() {}

    static Response count(Response response, AtomicLong counter) {
        ResponseBody body = response.body();
        if (body == null) return response;
        ForwardingSource counting = new ForwardingSource(body.source()) {
            @Override
            public long read(Buffer sink, long byteCount) throws IOException {
                long n = super.read(sink, byteCount);
                if (n > 0) counter.addAndGet(n);
                return n;
            }
        };
        return response.newBuilder().body(ResponseBody.create(Okio.buffer(counting), body.contentType(), body.contentLength())).build();
    }
}
