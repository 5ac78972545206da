// Compile-time stand-in for the Amazon.Lambda.Core package (public API subset), used only by tests.
// The real package is not on this environment's NuGet feed; see StandIns/README.md.
#nullable disable
namespace Amazon.Lambda.Core
{
    using System;
    using System.IO;

    public interface ILambdaContext
    {
        string AwsRequestId { get; }
        IClientContext ClientContext { get; }
        string FunctionName { get; }
        string FunctionVersion { get; }
        ICognitoIdentity Identity { get; }
        string InvokedFunctionArn { get; }
        ILambdaLogger Logger { get; }
        string LogGroupName { get; }
        string LogStreamName { get; }
        int MemoryLimitInMB { get; }
        TimeSpan RemainingTime { get; }
    }

    public interface ILambdaLogger
    {
        void Log(string message);
        void LogLine(string message);
    }

    public interface IClientContext
    {
        System.Collections.Generic.IDictionary<string, string> Environment { get; }
        IClientApplication Client { get; }
        System.Collections.Generic.IDictionary<string, string> Custom { get; }
    }

    public interface IClientApplication
    {
        string AppPackageName { get; }
        string AppTitle { get; }
        string AppVersionCode { get; }
        string AppVersionName { get; }
        string InstallationId { get; }
    }

    public interface ICognitoIdentity
    {
        string IdentityId { get; }
        string IdentityPoolId { get; }
    }

    public interface ILambdaSerializer
    {
        T Deserialize<T>(Stream requestStream);
        void Serialize<T>(T response, Stream responseStream);
    }

    [AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Method, AllowMultiple = false)]
    public sealed class LambdaSerializerAttribute : Attribute
    {
        public LambdaSerializerAttribute(Type serializerType) { SerializerType = serializerType; }
        public Type SerializerType { get; set; }
    }

    public static class LambdaLogger
    {
        public static void Log(string message) { }
    }
}

namespace Amazon.Lambda.Core
{
    using System;
    using System.Threading.Tasks;

    // SnapStart runtime hooks (Amazon.Lambda.Core 2.5.0 and later, .NET 8+).
    public static class SnapshotRestore
    {
        public static void RegisterBeforeSnapshot(Func<ValueTask> beforeSnapshot) => throw new NotSupportedException();
        public static void RegisterAfterRestore(Func<ValueTask> afterRestore) => throw new NotSupportedException();
    }
}
