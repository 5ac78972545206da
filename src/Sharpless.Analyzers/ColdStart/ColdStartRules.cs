using Microsoft.CodeAnalysis;
using Sharpless.Common;

namespace Sharpless.ColdStart
{
    /// <summary>
    /// SLS4xxx: work that lands in INIT or in every invocation and could be avoided, and project settings that make
    /// cold starts slower. Per-invocation rules take the message arguments described on <see cref="PerInvocationRule"/>.
    /// </summary>
    internal static class ColdStartRules
    {
        public const string ReflectionJsonId = "SLS4001";
        public const string NoPrecompilationId = "SLS4002";
        public const string TieredCompilationDisabledId = "SLS4003";
        public const string JsonOptionsPerInvocationId = "SLS4004";
        public const string ReflectionJsonUnderAotId = "SLS4005";
        public const string NewtonsoftJsonInHandlerId = "SLS4006";
        public const string HostBuiltPerInvocationId = "SLS4007";
        public const string ReflectionScanPerInvocationId = "SLS4008";
        public const string RegexPerInvocationId = "SLS4009";
        public const string SnapStartUniquenessId = "SLS4010";
        public const string SnapStartConnectionId = "SLS4011";

        public static readonly DiagnosticDescriptor ReflectionJson = RuleDescriptors.Create(
            ReflectionJsonId,
            RuleCategories.ColdStart,
            DiagnosticSeverity.Warning,
            title: "Lambda handler serializes with reflection",
            messageFormat: "{0} type '{1}' of '{2}' is serialized with reflection-based System.Text.Json because the project has no JsonSerializerContext; register it with [JsonSerializable(typeof({3}))] in a context",
            description:
                "Reflection-based System.Text.Json builds its metadata on the first call, adding to the first invocation's " +
                "latency after every cold start, and does not work under Native AOT or trimming. A source-generated " +
                "JsonSerializerContext produces the metadata at compile time.");

        public static readonly DiagnosticDescriptor NoPrecompilation = RuleDescriptors.Create(
            NoPrecompilationId,
            RuleCategories.ColdStart,
            DiagnosticSeverity.Info,
            title: "Lambda project publishes neither ReadyToRun nor Native AOT code",
            messageFormat: "This Lambda project sets neither PublishReadyToRun nor PublishAot, so every cold start JIT-compiles the code it runs; add <PublishReadyToRun>true</PublishReadyToRun> with a <RuntimeIdentifier> matching the function's architecture (linux-x64 or linux-arm64) to the project file, or <PublishAot>true</PublishAot> for Native AOT (built on Amazon Linux 2023)",
            description:
                "ReadyToRun compiles assemblies ahead of time so the JIT has less to do while the function starts; Native AOT " +
                "removes the JIT altogether. Either shortens cold starts, which AWS names the largest source of latency before " +
                "a function runs.");

        public static readonly DiagnosticDescriptor TieredCompilationDisabled = RuleDescriptors.Create(
            TieredCompilationDisabledId,
            RuleCategories.ColdStart,
            DiagnosticSeverity.Warning,
            title: "Tiered compilation disabled in a Lambda project",
            messageFormat: "TieredCompilation is false in this Lambda project: without quick JIT every method is fully optimized on its first call, which slows every cold start; remove <TieredCompilation>false</TieredCompilation>",
            description:
                "Tiered compilation first generates code quickly (or loads ReadyToRun code) and optimizes hot methods in the " +
                "background. Turning it off makes the JIT fully optimize every method before its first run, lengthening INIT " +
                "and the first invocations after each cold start.");

        public static readonly DiagnosticDescriptor JsonOptionsPerInvocation = RuleDescriptors.Create(
            JsonOptionsPerInvocationId,
            RuleCategories.ColdStart,
            DiagnosticSeverity.Warning,
            title: "JsonSerializerOptions created per invocation",
            messageFormat: "'{0}' is created on every invocation {1}; System.Text.Json caches serialization metadata per options instance, so keep one instance in a static readonly field{2}",
            description:
                "System.Text.Json collects type metadata on first use and caches it on the JsonSerializerOptions instance. " +
                "A new options object per invocation repeats that reflection work on every request (CA1869 in the .NET analyzers).");

        public static readonly DiagnosticDescriptor ReflectionJsonUnderAot = RuleDescriptors.Create(
            ReflectionJsonUnderAotId,
            RuleCategories.ColdStart,
            DiagnosticSeverity.Warning,
            title: "Reflection-based JsonSerializer call in a Native AOT project",
            messageFormat: "'JsonSerializer.{0}' serializes '{1}' through reflection-based metadata, which fails under Native AOT (PublishAot is true) unless the options carry a source-generated resolver; pass the JsonTypeInfo from a JsonSerializerContext, as in JsonSerializer.{0}(value, MyJsonContext.Default.{2})",
            description:
                "Under Native AOT, reflection-based System.Text.Json fails at run time unless the options carry a source-generated " +
                "resolver. Overloads taking a JsonTypeInfo or JsonSerializerContext use the compile-time metadata and are AOT-safe.");

        public static readonly DiagnosticDescriptor NewtonsoftJsonInHandler = RuleDescriptors.Create(
            NewtonsoftJsonInHandlerId,
            RuleCategories.ColdStart,
            DiagnosticSeverity.Info,
            title: "Newtonsoft.Json used in a Lambda handler",
            messageFormat: "'{0}' runs on every invocation {1}; Newtonsoft.Json builds reflection-based contracts on first use, adding to the first invocation after every cold start, and is not Native AOT compatible: prefer System.Text.Json with a JsonSerializerContext{2}",
            description:
                "Newtonsoft.Json resolves contracts by reflection the first time it sees each type, loads a large assembly during " +
                "INIT and cannot be used with Native AOT. System.Text.Json source generation moves that work to compile time.");

        public static readonly DiagnosticDescriptor HostBuiltPerInvocation = RuleDescriptors.Create(
            HostBuiltPerInvocationId,
            RuleCategories.ColdStart,
            DiagnosticSeverity.Warning,
            title: "Host, container or file configuration built per invocation",
            messageFormat: "'{0}' runs on every invocation {1}; building a host, service provider or file-based configuration is INIT work: do it once (constructor, static field or [LambdaStartup]) and reuse the result{2}",
            description:
                "Building a generic host, a service provider or a configuration that reads files discovers services, reads and " +
                "parses files and creates singletons. Per invocation that costs time and memory on every request, and singletons " +
                "(clients, caches) are never shared.");

        public static readonly DiagnosticDescriptor ReflectionScanPerInvocation = RuleDescriptors.Create(
            ReflectionScanPerInvocationId,
            RuleCategories.ColdStart,
            DiagnosticSeverity.Info,
            title: "Reflection scan per invocation",
            messageFormat: "'{0}' runs on every invocation {1}; scanning or resolving types by reflection is slow and not trim-safe: do it once at init and cache the result{2}",
            description:
                "Enumerating assemblies and types or resolving types by name walks runtime metadata. Done per invocation it " +
                "repeats the same work on every request; done once at init its result can be reused.");

        public static readonly DiagnosticDescriptor RegexPerInvocation = RuleDescriptors.Create(
            RegexPerInvocationId,
            RuleCategories.ColdStart,
            DiagnosticSeverity.Info,
            title: "Regex constructed per invocation",
            messageFormat: "'{0}' is created on every invocation {1}; constructing a Regex parses the pattern and builds its matcher each time: keep it in a static readonly field or use [GeneratedRegex]{2}",
            description:
                "A Regex instance parses its pattern and builds a matcher when constructed. Per invocation that work repeats on " +
                "every request; a static instance or a source-generated regex does it once (or at compile time).");

        public static readonly DiagnosticDescriptor SnapStartUniqueness = RuleDescriptors.Create(
            SnapStartUniquenessId,
            RuleCategories.ColdStart,
            DiagnosticSeverity.Warning,
            title: "Unique value captured during INIT of a SnapStart function",
            messageFormat: "'{0}' is generated during INIT of '{1}', which has SnapStart enabled; every execution environment restored from the snapshot shares this value: generate it in the handler or in a SnapshotRestore.RegisterAfterRestore hook",
            description:
                "With SnapStart, Lambda snapshots the initialized execution environment and resumes many environments from it. " +
                "Unique IDs, secrets and random seeds created during INIT are identical in all of them; AWS asks to generate " +
                "unique content after initialization.");

        public static readonly DiagnosticDescriptor SnapStartConnection = RuleDescriptors.Create(
            SnapStartConnectionId,
            RuleCategories.ColdStart,
            DiagnosticSeverity.Warning,
            title: "Network connection opened during INIT of a SnapStart function without an after-restore hook",
            messageFormat: "'{0}' opens a network connection during INIT of '{1}', which has SnapStart enabled, and the project registers no SnapshotRestore.RegisterAfterRestore hook; a restored snapshot holds a dead connection: re-establish it in an after-restore hook",
            description:
                "A snapshot keeps connection objects but not the TCP connections behind them: an environment restored hours later on " +
                "another host finds them dead. Re-validate or reopen connections in a runtime hook registered with " +
                "Amazon.Lambda.Core.SnapshotRestore.RegisterAfterRestore.");

        public static readonly DiagnosticDescriptor[] PerInvocation =
        {
            JsonOptionsPerInvocation,
            NewtonsoftJsonInHandler,
            HostBuiltPerInvocation,
            ReflectionScanPerInvocation,
            RegexPerInvocation,
        };
    }
}
