package dev.tradecraft.exposure.probe;

import java.net.Socket;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Accepts every certificate, for {@link ProbeOptions#trustAllCertificates()} only: lab servers
 * with self-signed certificates. Extending the "extended" manager keeps the JDK from adding its
 * own host name check around it.
 */
final class TrustingTrustManager extends X509ExtendedTrustManager
{
    private static final X509Certificate[] NONE = new X509Certificate[0];

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
    {
        // The probe is a client; it never judges client certificates.
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
    {
        // Trusting any server is the point of this manager.
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
    {
        // The probe is a client; it never judges client certificates.
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
    {
        // Trusting any server is the point of this manager.
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
    {
        // The probe is a client; it never judges client certificates.
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
    {
        // Trusting any server is the point of this manager.
    }

    @Override
    public X509Certificate[] getAcceptedIssuers()
    {
        return NONE;
    }
}
