package vn.r57desk.store.sync;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import okhttp3.OkHttpClient;

/**
 * Trusting the certificates in one PEM file (a ministry's own CA, or a test server's) for this server,
 * instead of the system's CAs: a pin, never a way around verification. Host names are still checked.
 */
final class Tls {
    private Tls() {}

    static void trust(OkHttpClient.Builder b, Path pem) throws SyncException {
        try (InputStream in = Files.newInputStream(pem)) {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (Certificate cert : cf.generateCertificates(in)) ks.setCertificateEntry("trusted-" + i++, cert);
            if (i == 0) throw new SyncException(SyncException.Problem.INSECURE, SyncText.Key.CERTIFICATE_NONE, pem);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            X509TrustManager tm = null;
            for (TrustManager t : tmf.getTrustManagers()) if (t instanceof X509TrustManager x) tm = x;
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {tm}, null);
            b.sslSocketFactory(ctx.getSocketFactory(), tm);
        } catch (IOException | GeneralSecurityException e) {
            throw new SyncException(SyncException.Problem.INSECURE, SyncText.of(SyncText.Key.CERTIFICATE_UNREADABLE, pem, e.getMessage()), e);
        }
    }
}
