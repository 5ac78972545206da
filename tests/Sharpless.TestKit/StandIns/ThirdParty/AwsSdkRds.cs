// Compile-time stand-in (public API subset) for AWSSDK.RDS's Amazon.RDS.Util.RDSAuthTokenGenerator, used only by tests:
// the package is not on this feed; see StandIns/ThirdParty/README.md. Overloads as in the AWS SDK for .NET API reference
// (shared/facts/lambda-best-practices.md §4). AWSSDK.Core (RegionEndpoint, AWSCredentials) is real.
#nullable disable
namespace Amazon.RDS.Util
{
    using System;
    using System.Threading.Tasks;
    using Amazon.Runtime;

    public static class RDSAuthTokenGenerator
    {
        public static string GenerateAuthToken(string hostname, int port, string dbUser) => throw new NotSupportedException();
        public static string GenerateAuthToken(RegionEndpoint region, string hostname, int port, string dbUser) => throw new NotSupportedException();
        public static string GenerateAuthToken(AWSCredentials credentials, string hostname, int port, string dbUser) => throw new NotSupportedException();
        public static string GenerateAuthToken(AWSCredentials credentials, RegionEndpoint region, string hostname, int port, string dbUser) => throw new NotSupportedException();
        public static Task<string> GenerateAuthTokenAsync(AWSCredentials credentials, RegionEndpoint region, string hostname, int port, string dbUser) => throw new NotSupportedException();
    }
}
