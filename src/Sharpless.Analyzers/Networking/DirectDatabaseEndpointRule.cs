using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Sharpless.Common;

namespace Sharpless.Networking
{
    /// <summary>
    /// SLS6004: per-invocation code hands an RDS DB instance or cluster endpoint (no <c>proxy-</c> label) to a call or
    /// constructor — a connection, a data source, a connection string builder, an auth token — so each execution
    /// environment connects to the database itself. The host must be in the code's known text (see
    /// <see cref="KnownText"/>): a literal, a constant, an interpolation's literal part or a local holding one.
    /// Text only written to a log is not a connection.
    /// </summary>
    internal sealed class DirectDatabaseEndpointRule : PerInvocationRule
    {
        private DirectDatabaseEndpointRule()
            : base(NetworkingRules.DirectDatabaseEndpoint)
        {
        }

        // The advice is a proxy, not a field: there is nothing to hoist.
        public override bool IsHoistable => false;

        public static PerInvocationRule? Create(Compilation compilation) => new DirectDatabaseEndpointRule();

        public override string? Match(IOperation operation)
        {
            switch (operation)
            {
                case IObjectCreationOperation creation:
                    return DirectHostIn(creation.Arguments) ?? DirectHostIn(creation.Initializer);
                case IInvocationOperation invocation when !LogText.IsLogCall(invocation.TargetMethod):
                    return DirectHostIn(invocation.Arguments);
                default:
                    return null;
            }
        }

        private static string? DirectHostIn(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                if (argument.Value.Type?.SpecialType == SpecialType.System_String && DirectHost(argument.Value) is { } host)
                {
                    return host;
                }
            }

            return null;
        }

        // `new NpgsqlConnectionStringBuilder { Host = "orders.abc.eu-west-1.rds.amazonaws.com" }`.
        private static string? DirectHostIn(IObjectOrCollectionInitializerOperation? initializer)
        {
            if (initializer is null)
            {
                return null;
            }

            foreach (var member in initializer.Initializers)
            {
                if (member is ISimpleAssignmentOperation { Value.Type.SpecialType: SpecialType.System_String } assignment &&
                    DirectHost(assignment.Value) is { } host)
                {
                    return host;
                }
            }

            return null;
        }

        private static string? DirectHost(IOperation value)
        {
            // This runs for every string argument of the project: constants need no text building, and most other
            // arguments (parameters, fields, calls) have no known text at all.
            value = TypeChecks.WithoutConversions(value);
            var text = value.ConstantValue is { HasValue: true, Value: string constant }
                ? constant
                : value.Kind is OperationKind.InterpolatedString or OperationKind.Binary or OperationKind.LocalReference
                    ? KnownText.Of(value)
                    : null;
            return RdsHostName.Find(text) is { IsProxy: false } host ? host.Host : null;
        }
    }
}
