using Microsoft.CodeAnalysis;
using Sharpless.Common;

namespace Sharpless.Functions
{
    /// <summary>SLS1xxx: <c>[LambdaFunction]</c> usage the handler generator cannot turn into a working handler.</summary>
    internal static class FunctionRules
    {
        public const string InaccessibleMethodId = "SLS1001";
        public const string GenericMethodId = "SLS1002";
        public const string UnbindableParameterId = "SLS1003";
        public const string SeveralPayloadsId = "SLS1004";
        public const string AsyncVoidId = "SLS1005";
        public const string UnsupportedReturnTypeId = "SLS1006";
        public const string CannotConstructId = "SLS1007";
        public const string DuplicateNameId = "SLS1008";
        public const string HandlerStringTooLongId = "SLS1009";
        public const string NotInJsonContextId = "SLS1010";
        public const string NoContainerId = "SLS1011";
        public const string InvalidSettingId = "SLS1012";
        public const string InvalidStartupId = "SLS1013";
        public const string InvalidNameId = "SLS1014";
        public const string CancellationNeverSignalledId = "SLS1015";
        public const string MissingFromTemplateId = "SLS1016";
        public const string StaleHandlerId = "SLS1017";
        public const string RouteMissingFromTemplateId = "SLS1018";
        public const string EventWithoutRouteId = "SLS1019";
        public const string SettingDiffersId = "SLS1020";

        /// <summary>
        /// The managed .NET runtime finds a handler string of up to 127 characters: the API documents 128, but the
        /// runtime drops the 128th (aws/aws-lambda-dotnet#1642; Lambda Annotations enforces 127 since #1812).
        /// </summary>
        public const int MaxHandlerStringLength = 127;

        public static readonly DiagnosticDescriptor InaccessibleMethod = Create(
            InaccessibleMethodId,
            DiagnosticSeverity.Error,
            "Lambda function is not accessible to its generated handler",
            "'{0}' must be public or internal, in types that are public or internal, for the generated handler to call it",
            "The generated handler is a separate class in the same assembly; it can call public and internal methods of public or internal types, not private or protected ones.");

        public static readonly DiagnosticDescriptor GenericMethod = Create(
            GenericMethodId,
            DiagnosticSeverity.Error,
            "Lambda function cannot be generic",
            "'{0}' is generic{1}; the Lambda runtime cannot choose type arguments for a handler",
            "A handler string names one method with no type arguments, so neither the method nor its containing types can be generic.");

        public static readonly DiagnosticDescriptor UnbindableParameter = Create(
            UnbindableParameterId,
            DiagnosticSeverity.Error,
            "Lambda function parameter cannot be bound",
            "Parameter '{0}' cannot be bound: {1}",
            "A function's parameters are bound from the event payload, ILambdaContext, a CancellationToken or [FromServices]. ref, out and in parameters and ref struct types (Span<T>) cannot be passed by a handler.");

        public static readonly DiagnosticDescriptor SeveralPayloads = Create(
            SeveralPayloadsId,
            DiagnosticSeverity.Error,
            "Lambda function has more than one payload parameter",
            "Parameter '{0}' would be a second event payload (the first is '{1}'); a function takes one payload, plus ILambdaContext, CancellationToken and [FromServices] parameters",
            "Lambda delivers one JSON event per invocation. Every parameter that is not ILambdaContext, CancellationToken or [FromServices] is bound from it, so there can be only one.");

        public static readonly DiagnosticDescriptor AsyncVoid = Create(
            AsyncVoidId,
            DiagnosticSeverity.Error,
            "Lambda function is async void",
            "'{0}' is async void; return Task so the invocation waits for it and its exceptions reach the runtime",
            "The handler cannot await an async void method: the invocation would end before the work does (Lambda may freeze the environment mid-way), and an exception would crash the process instead of failing the invocation.");

        public static readonly DiagnosticDescriptor UnsupportedReturnType = Create(
            UnsupportedReturnTypeId,
            DiagnosticSeverity.Error,
            "Lambda function return type is not supported",
            "'{0}' returns {1}, which a handler cannot return: {2}",
            "Supported return types are void, Task, ValueTask, T, Task<T> and ValueTask<T>, where T is serializable to JSON, a Stream or a string.");

        public static readonly DiagnosticDescriptor CannotConstruct = Create(
            CannotConstructId,
            DiagnosticSeverity.Error,
            "Lambda function's class cannot be constructed",
            "'{0}' cannot be constructed by the generated handler: {1}",
            "For an instance method, the generated handler creates the class once per execution environment. With Microsoft.Extensions.DependencyInjection referenced it calls the public or internal constructor with the most parameters (resolved from the [LambdaStartup] container), so there must be exactly one such constructor; without it, the parameterless constructor. Abstract classes and interfaces cannot be created.");

        public static readonly DiagnosticDescriptor DuplicateName = Create(
            DuplicateNameId,
            DiagnosticSeverity.Error,
            "Two Lambda functions have the same name",
            "Function name '{0}' is also used by '{1}'; give one of them [LambdaFunction(Name = \"...\")]",
            "A function's name is its constant in Sharpless.Generated.Functions and its resource in the deployment template, so it must be unique in the project. Neither function gets a handler until the names differ.");

        public static readonly DiagnosticDescriptor HandlerStringTooLong = Create(
            HandlerStringTooLongId,
            DiagnosticSeverity.Error,
            "Lambda handler string is too long",
            "The handler string '{0}' is {1} characters; the .NET Lambda runtime finds handlers of at most 127 characters",
            "Lambda's Handler setting allows 128 characters and the managed .NET runtime drops the last one, so a longer handler string fails at the first invocation. Shorten the assembly name, namespace, class or function name.");

        public static readonly DiagnosticDescriptor NotInJsonContext = Create(
            NotInJsonContextId,
            DiagnosticSeverity.Error,
            "Lambda payload or result type is not in the JsonSerializerContext",
            "{0} type '{1}' of '{2}' is not registered in JsonSerializerContext '{3}'; add [JsonSerializable(typeof({4}))] to it",
            "The generated handler serializes through the project's source-generated JsonSerializerContext, which only knows the types it registers and the types they reach. Under Native AOT a missing type fails at run time, so it is a compile-time error here.");

        public static readonly DiagnosticDescriptor NoContainer = Create(
            NoContainerId,
            DiagnosticSeverity.Error,
            "Lambda function needs services but the project has no container",
            "'{0}' needs {1} from dependency injection, but {2}",
            "Constructor parameters and [FromServices] parameters are resolved from the one container Sharpless builds per execution environment. That needs a reference to Microsoft.Extensions.DependencyInjection and one [LambdaStartup] class with ConfigureServices(IServiceCollection).");

        public static readonly DiagnosticDescriptor InvalidSetting = Create(
            InvalidSettingId,
            DiagnosticSeverity.Error,
            "Lambda function setting is out of range",
            "{0} = {1} is outside what Lambda accepts ({2})",
            "Lambda accepts MemorySize from 128 to 10,240 MB and Timeout from 1 to 900 seconds; a deployment with other values is rejected.");

        public static readonly DiagnosticDescriptor InvalidStartup = Create(
            InvalidStartupId,
            DiagnosticSeverity.Error,
            "[LambdaStartup] class is not usable",
            "[LambdaStartup] class '{0}' {1}",
            "Sharpless builds one container per execution environment from one [LambdaStartup] class: a non-generic class with a public or internal void ConfigureServices(IServiceCollection) method, static, or instance with a public or internal parameterless constructor.");

        public static readonly DiagnosticDescriptor InvalidName = Create(
            InvalidNameId,
            DiagnosticSeverity.Error,
            "Lambda function name is not a valid identifier",
            "Function name '{0}' is not a valid C# identifier; it names a constant in Sharpless.Generated.Functions",
            "A function's name becomes a constant in Sharpless.Generated.Functions and a resource name in the template, so it must be a C# identifier (letters, digits and underscores, not starting with a digit, not a keyword).");

        public static readonly DiagnosticDescriptor CancellationNeverSignalled = Create(
            CancellationNeverSignalledId,
            DiagnosticSeverity.Warning,
            "CancellationToken is never cancelled without Amazon.Lambda.Core",
            "'{0}' is never cancelled: without Amazon.Lambda.Core the handler cannot see the invocation's remaining time",
            "The generated handler cancels the token shortly before the invocation times out, using ILambdaContext.RemainingTime. A project without Amazon.Lambda.Core gets a Stream-only handler and CancellationToken.None.");

        // SLS1016-SLS1020: the checked-in template disagrees with the code (template drift). Reported only in builds
        // that do not write the template (SharplessWriteTemplate is not true: CI, or a project that opted out).

        public static readonly DiagnosticDescriptor MissingFromTemplate = Create(
            MissingFromTemplateId,
            DiagnosticSeverity.Warning,
            "Lambda function is missing from the template",
            "Function '{0}' has no resource in {1}: no function runs handler '{2}' and none is named '{3}'; add it, or build once with SharplessWriteTemplate=true to write it",
            "This build does not write the SAM template, so the checked-in template must already declare every function the code declares. A function missing from it is not deployed.");

        public static readonly DiagnosticDescriptor StaleHandler = Create(
            StaleHandlerId,
            DiagnosticSeverity.Warning,
            "Template function's handler is stale",
            "Template resource '{0}' runs handler '{1}', {2}",
            "The Lambda runtime loads the type and method a function's Handler names, and fails every invocation when they do not exist. A handler that Sharpless no longer generates — the function was removed or renamed in code — deploys a function that cannot start.");

        public static readonly DiagnosticDescriptor RouteMissingFromTemplate = Create(
            RouteMissingFromTemplateId,
            DiagnosticSeverity.Warning,
            "Route is missing from the template",
            "Route {0} {1} of function '{2}' has no {3} event in template resource '{4}'; API Gateway will not send it to the function",
            "API Gateway only forwards the routes a function's events declare; a route in code without an event (or a catch-all event that covers it) answers 404 from API Gateway when deployed.");

        public static readonly DiagnosticDescriptor EventWithoutRoute = Create(
            EventWithoutRouteId,
            DiagnosticSeverity.Warning,
            "Template event has no route in code",
            "Event '{0}' of template resource '{1}' sends {2} {3} to function '{4}', which has no such route; remove the event or add the route",
            "A route event that no route method serves deploys an endpoint the function answers with 404 or 405: usually a route that was removed or changed in code and is still in the template.");

        public static readonly DiagnosticDescriptor SettingDiffers = Create(
            SettingDiffersId,
            DiagnosticSeverity.Warning,
            "Function memory or timeout differs from the template",
            "{0} of function '{1}' is {2} in code but {3} in template resource '{4}'",
            "The template is what is deployed: a MemorySize or Timeout set on [LambdaFunction] that the template does not carry has no effect, and a template value the code no longer sets stays deployed.");

        private static DiagnosticDescriptor Create(string id, DiagnosticSeverity severity, string title, string message, string description) =>
            RuleDescriptors.Create(id, RuleCategories.Functions, severity, title, message, description);
    }
}
