// Compile-time stand-in for the Amazon.Lambda.RuntimeSupport package (public API subset), used only by tests.
// The real package is not on this environment's NuGet feed; see StandIns/README.md.
#nullable disable
namespace Amazon.Lambda.RuntimeSupport
{
    using System;
    using System.IO;
    using System.Threading;
    using System.Threading.Tasks;
    using Amazon.Lambda.Core;

    public class InvocationResponse
    {
        public InvocationResponse(Stream outputStream) { }
        public InvocationResponse(Stream outputStream, bool disposeOutputStream) { }
        public Stream OutputStream { get; }
    }

    public class LambdaBootstrap : IDisposable
    {
        public Task RunAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
        public void Dispose() { }
    }

    public class LambdaBootstrapBuilder
    {
        private LambdaBootstrapBuilder() { }

        public static LambdaBootstrapBuilder Create(Func<Stream, Task> handler) => new LambdaBootstrapBuilder();
        public static LambdaBootstrapBuilder Create(Func<Stream, ILambdaContext, Task> handler) => new LambdaBootstrapBuilder();
        public static LambdaBootstrapBuilder Create(Func<Stream, Task<Stream>> handler) => new LambdaBootstrapBuilder();
        public static LambdaBootstrapBuilder Create(Func<Stream, ILambdaContext, Task<Stream>> handler) => new LambdaBootstrapBuilder();
        public static LambdaBootstrapBuilder Create(Func<Stream, ILambdaContext, Task<Stream>> handler, ILambdaSerializer serializer) => new LambdaBootstrapBuilder();
        public static LambdaBootstrapBuilder Create<TInput>(Func<TInput, ILambdaContext, Task> handler, ILambdaSerializer serializer) => new LambdaBootstrapBuilder();
        public static LambdaBootstrapBuilder Create<TOutput>(Func<Stream, ILambdaContext, Task<TOutput>> handler, ILambdaSerializer serializer) => new LambdaBootstrapBuilder();
        public static LambdaBootstrapBuilder Create<TInput, TOutput>(Func<TInput, ILambdaContext, Task<TOutput>> handler, ILambdaSerializer serializer) => new LambdaBootstrapBuilder();
        public static LambdaBootstrapBuilder Create<TInput, TOutput>(Func<TInput, ILambdaContext, TOutput> handler, ILambdaSerializer serializer) => new LambdaBootstrapBuilder();
        public static LambdaBootstrapBuilder Create<TInput, TOutput>(Func<TInput, TOutput> handler, ILambdaSerializer serializer) => new LambdaBootstrapBuilder();
        public LambdaBootstrap Build() => new LambdaBootstrap();
    }
}
