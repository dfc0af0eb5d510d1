using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Hoop.Gateway.Hosting;

/// <summary>
/// Self-signed loopback certificates for local runs (<c>hoop serve</c>, the simulated cluster, tests).
/// </summary>
/// <remarks>
/// The certificate is its own CA (basic constraints CA=true) with SANs for <c>127.0.0.1</c>, <c>::1</c> and
/// <c>localhost</c>, so a kubeconfig can trust it through <c>certificate-authority-data</c> and Go's verifier accepts it.
/// </remarks>
public static class DevCertificate
{
    /// <summary>Creates a new ECDSA P-256 certificate valid for <paramref name="lifetime"/>.</summary>
    public static X509Certificate2 Create(string commonName, TimeSpan lifetime, TimeProvider? time = null)
    {
        var now = (time ?? TimeProvider.System).GetUtcNow();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddIpAddress(IPAddress.IPv6Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.Add(lifetime));
        // Round-trip through PKCS#12 so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>Loads a PEM certificate + key pair written by <see cref="SavePem"/>, or creates and saves a new one.</summary>
    public static X509Certificate2 LoadOrCreate(string certPath, string keyPath, string commonName, TimeSpan lifetime, TimeProvider? time = null)
    {
        var now = (time ?? TimeProvider.System).GetUtcNow();
        if (File.Exists(certPath) && File.Exists(keyPath))
        {
            using var loaded = X509Certificate2.CreateFromPemFile(certPath, keyPath);
            if (loaded.NotAfter.ToUniversalTime() > now.UtcDateTime.AddDays(1))
            {
                return X509CertificateLoader.LoadPkcs12(loaded.Export(X509ContentType.Pkcs12), null);
            }
        }

        var created = Create(commonName, lifetime, time);
        SavePem(created, certPath, keyPath);
        return created;
    }

    /// <summary>Writes the certificate (PEM) and its private key (PKCS#8 PEM, owner-only on Unix).</summary>
    public static void SavePem(X509Certificate2 certificate, string certPath, string keyPath)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        File.WriteAllText(certPath, certificate.ExportCertificatePem());
        using var key = certificate.GetECDsaPrivateKey() ?? throw new InvalidOperationException("The certificate has no ECDSA private key.");
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
