using System;
using System.Text.RegularExpressions;

namespace Sharpless.Networking
{
    internal enum RdsHostKind
    {
        /// <summary><c>name.proxy-id.region.rds.amazonaws.com</c>: a proxy's default endpoint.</summary>
        Proxy,

        /// <summary><c>name.endpoint.proxy-id.region.rds.amazonaws.com</c>: an additional proxy endpoint.</summary>
        ProxyEndpoint,

        /// <summary><c>name.cluster-[ro-|custom-]id.region.rds.amazonaws.com</c>: an Aurora cluster endpoint.</summary>
        Cluster,

        /// <summary><c>name.id.region.rds.amazonaws.com</c>: a DB instance endpoint.</summary>
        Instance,
    }

    /// <summary>
    /// An RDS host name found in text (a connection string, a URL, a bare host). The formats are the documented ones
    /// (shared/facts/lambda-best-practices.md §4): proxy endpoints carry a <c>proxy-</c> label, DB instance and cluster
    /// endpoints do not. China regions use <c>rds.amazonaws.com.cn</c>.
    /// </summary>
    internal readonly struct RdsHostName
    {
        /// <summary>What every RDS host name contains: text without it holds none.</summary>
        public const string DomainSuffix = ".rds.amazonaws.com";

        // Labels are DNS labels; the name of a proxy or instance is its identifier (letters, digits, hyphens).
        private static readonly Regex HostPattern = new Regex(
            @"(?<![A-Za-z0-9.-])(?<name>[A-Za-z0-9][A-Za-z0-9-]*)\.(?:(?<endpoint>endpoint\.)?(?<proxy>proxy-)|(?<cluster>cluster-(?:ro-|custom-)?))?(?<id>[A-Za-z0-9]+)\.(?<region>[a-z]{2}(?:-[a-z]+)+-\d)\.rds\.amazonaws\.com(?:\.cn)?(?![A-Za-z0-9-]|\.[A-Za-z0-9])",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture,
            TimeSpan.FromMilliseconds(200));

        private RdsHostName(string host, string name, RdsHostKind kind)
        {
            Host = host;
            Name = name;
            Kind = kind;
        }

        /// <summary>The whole host name as written.</summary>
        public string Host { get; }

        /// <summary>The first label: the proxy's, endpoint's, cluster's or instance's identifier.</summary>
        public string Name { get; }

        public RdsHostKind Kind { get; }

        public bool IsProxy => Kind is RdsHostKind.Proxy or RdsHostKind.ProxyEndpoint;

        /// <summary>The first RDS host in <paramref name="text"/> that is a proxy endpoint, else the first that is not.</summary>
        public static RdsHostName? Find(string? text)
        {
            // Cheap rejection first: this runs on every string literal of a project.
            if (text is null || text.Length < 20 || text.IndexOf(DomainSuffix, StringComparison.OrdinalIgnoreCase) < 0)
            {
                return null;
            }

            RdsHostName? direct = null;
            try
            {
                for (var match = HostPattern.Match(text); match.Success; match = match.NextMatch())
                {
                    var host = Read(match);
                    if (host.IsProxy)
                    {
                        return host;
                    }

                    direct ??= host;
                }
            }
            catch (RegexMatchTimeoutException)
            {
                return null;
            }

            return direct;
        }

        private static RdsHostName Read(Match match)
        {
            var kind = match.Groups["proxy"].Success
                ? (match.Groups["endpoint"].Success ? RdsHostKind.ProxyEndpoint : RdsHostKind.Proxy)
                : match.Groups["cluster"].Success ? RdsHostKind.Cluster : RdsHostKind.Instance;
            return new RdsHostName(match.Value, match.Groups["name"].Value, kind);
        }

        public override string ToString() => Host;
    }
}
