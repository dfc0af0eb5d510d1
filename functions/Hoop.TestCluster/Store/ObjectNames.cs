using System.Security.Cryptography;

namespace Hoop.TestCluster.Store;

/// <summary>Generated names, as the apiserver makes them for <c>metadata.generateName</c>.</summary>
internal static class ObjectNames
{
    // k8s.io/apimachinery/pkg/util/rand: consonants and digits, so generated names spell no words.
    private const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";
    private const int MaxPrefixLength = 58;

    public static string Suffix(int length = 5) => RandomNumberGenerator.GetString(Alphabet, length);

    public static string Generate(string prefix, Func<string, bool> exists)
    {
        if (prefix.Length > MaxPrefixLength)
        {
            prefix = prefix[..MaxPrefixLength];
        }

        while (true)
        {
            var name = prefix + Suffix();
            if (!exists(name))
            {
                return name;
            }
        }
    }
}
