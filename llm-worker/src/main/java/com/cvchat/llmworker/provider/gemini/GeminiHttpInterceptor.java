package com.cvchat.llmworker.provider.gemini;

import com.cvchat.llmworker.provider.Cancellation;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;

/**
 * Sits in the OkHttp client given to the SDK: ties each call to the generation's {@link Cancellation} (a cancel
 * aborts the call, also mid-stream), and turns an error answer into a {@link GeminiHttpError} carrying the whole
 * error body (the SDK itself keeps only {@code error.message}). Synchronous calls run the interceptor on the calling
 * thread, so the cancellation travels in a thread-local set around the SDK call.
 */
final class GeminiHttpInterceptor implements Interceptor {

    private static final ThreadLocal<Cancellation> CURRENT = new ThreadLocal<>();
    private static final long MAX_ERROR_BODY = 64 * 1024;

    static void bind(Cancellation cancellation) {
        CURRENT.set(cancellation);
    }

    static void unbind() {
        CURRENT.remove();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Cancellation cancellation = CURRENT.get();
        if (cancellation != null) {
            cancellation.onCancel(chain.call()::cancel);
        }
        Response response = chain.proceed(chain.request());
        if (response.isSuccessful()) {
            return response;
        }
        String body;
        try (response) {
            ResponseBody peek = response.peekBody(MAX_ERROR_BODY);
            body = peek.string();
        }
        throw GeminiHttpError.parse(response.code(), body);
    }
}
