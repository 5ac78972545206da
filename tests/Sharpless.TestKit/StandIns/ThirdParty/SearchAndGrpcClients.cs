// Compile-time stand-ins (public API subset) for OpenSearch.Client, OpenSearch.Net and the legacy Grpc.Core package,
// used only by tests: OpenSearch is not on the feed, and Grpc.Core (native, in maintenance mode) is not referenced by
// the test project; see StandIns/ThirdParty/README.md. Grpc.Core's Channel derives from ChannelBase in the real
// Grpc.Core.Api assembly (referenced through Grpc.Net.Client), as in the package.
#nullable disable
namespace OpenSearch.Net
{
    using System;

    public class ConnectionConfiguration
    {
        public ConnectionConfiguration(Uri uri = null) => throw new NotSupportedException();
    }

    public class OpenSearchLowLevelClient
    {
        public OpenSearchLowLevelClient() => throw new NotSupportedException();
        public OpenSearchLowLevelClient(ConnectionConfiguration settings) => throw new NotSupportedException();
    }
}

namespace OpenSearch.Client
{
    using System;
    using System.Threading.Tasks;

    public class ConnectionSettings
    {
        public ConnectionSettings(Uri uri = null) => throw new NotSupportedException();
        public ConnectionSettings DefaultIndex(string defaultIndex) => throw new NotSupportedException();
    }

    public class PingResponse
    {
        public bool IsValid => throw new NotSupportedException();
    }

    public interface IOpenSearchClient
    {
        Task<PingResponse> PingAsync();
    }

    public class OpenSearchClient : IOpenSearchClient
    {
        public OpenSearchClient() => throw new NotSupportedException();
        public OpenSearchClient(Uri uri) => throw new NotSupportedException();
        public OpenSearchClient(ConnectionSettings connectionSettings) => throw new NotSupportedException();
        public Task<PingResponse> PingAsync() => throw new NotSupportedException();
    }
}

namespace Grpc.Core
{
    using System;
    using System.Threading.Tasks;

    public class Channel : ChannelBase
    {
        public Channel(string target, ChannelCredentials credentials) : base(target) => throw new NotSupportedException();
        public Channel(string host, int port, ChannelCredentials credentials) : base(host) => throw new NotSupportedException();
        public override CallInvoker CreateCallInvoker() => throw new NotSupportedException();
    }
}
