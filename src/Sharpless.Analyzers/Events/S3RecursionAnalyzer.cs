using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Sharpless.Events
{
    /// <summary>
    /// SLS7009: an <c>[S3Event]</c> method that writes an object (PutObject, CopyObject, a multipart or TransferUtility
    /// upload) into the bucket of the record it handles — the bucket that triggers it — with a key its trigger's prefix
    /// and suffix filters do not exclude. The trigger's filters come from the attribute, so they are known exactly; a
    /// key whose start (or end) cannot be read at compile time is not judged against a filter that exists.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class S3RecursionAnalyzer : DiagnosticAnalyzer
    {
        // The request types that write an object, with the properties that name where it goes.
        private static readonly (string Type, string Bucket, string Key)[] Writes =
        {
            ("Amazon.S3.Model.PutObjectRequest", "BucketName", "Key"),
            ("Amazon.S3.Model.CopyObjectRequest", "DestinationBucket", "DestinationKey"),
            ("Amazon.S3.Model.InitiateMultipartUploadRequest", "BucketName", "Key"),
            ("Amazon.S3.Transfer.TransferUtilityUploadRequest", "BucketName", "Key"),
        };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(EventRules.S3RecursiveInvocation);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var attribute = start.Compilation.GetTypeByMetadataName(EventSourceAttributes.S3);
                var record = start.Compilation.GetTypeByMetadataName(EventSourceAttributes.S3ObjectEvent);
                if (attribute is null || record is null)
                {
                    return;
                }

                var writes = Writes
                    .Select(w => (Type: start.Compilation.GetTypeByMetadataName(w.Type), w.Bucket, w.Key))
                    .Where(w => w.Type is not null)
                    .Select(w => (Type: w.Type!, w.Bucket, w.Key))
                    .ToImmutableArray();
                var transferUtility = start.Compilation.GetTypeByMetadataName("Amazon.S3.Transfer.ITransferUtility");
                if (writes.IsEmpty && transferUtility is null)
                {
                    return;
                }

                // A syntax check first, so only a method that names [S3Event] has its body bound to operations: the
                // rest of the project is never asked for operation trees by this rule.
                start.RegisterSyntaxNodeAction(
                    node => AnalyzeMethod(node, attribute, record, writes, transferUtility),
                    SyntaxKind.MethodDeclaration);
            });
        }

        private static void AnalyzeMethod(
            SyntaxNodeAnalysisContext context,
            INamedTypeSymbol attribute,
            INamedTypeSymbol record,
            ImmutableArray<(INamedTypeSymbol Type, string Bucket, string Key)> writes,
            INamedTypeSymbol? transferUtility)
        {
            var declaration = (MethodDeclarationSyntax)context.Node;
            if (!NamesS3Event(declaration) ||
                context.SemanticModel.GetDeclaredSymbol(declaration, context.CancellationToken) is not { } method ||
                method.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute)) is not { } trigger ||
                method.Parameters.FirstOrDefault(p => SymbolEqualityComparer.Default.Equals(p.Type.WithNullableAnnotation(NullableAnnotation.None), record)) is not { } parameter ||
                ((SyntaxNode?)declaration.Body ?? declaration.ExpressionBody) is not { } body ||
                context.SemanticModel.GetOperation(body, context.CancellationToken) is not { } operation)
            {
                return;
            }

            var filter = new KeyFilter(Named(trigger, "Prefix"), Named(trigger, "Suffix"));
            foreach (var descendant in operation.DescendantsAndSelf())
            {
                switch (descendant)
                {
                    case IObjectCreationOperation creation:
                        AnalyzeCreation(context.ReportDiagnostic, creation, method, parameter, filter, writes);
                        break;
                    case IInvocationOperation invocation when transferUtility is not null:
                        AnalyzeUpload(context.ReportDiagnostic, invocation, method, parameter, filter, transferUtility);
                        break;
                }
            }
        }

        private static bool NamesS3Event(MethodDeclarationSyntax declaration)
        {
            foreach (var list in declaration.AttributeLists)
            {
                foreach (var attribute in list.Attributes)
                {
                    var name = attribute.Name switch
                    {
                        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                        SimpleNameSyntax simple => simple.Identifier.ValueText,
                        _ => string.Empty,
                    };
                    if (name is "S3Event" or "S3EventAttribute")
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static string? Named(AttributeData attribute, string name)
        {
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == name && argument.Value.Value is string { Length: > 0 } value)
                {
                    return value;
                }
            }

            return null;
        }

        private static void AnalyzeCreation(Action<Diagnostic> report, IObjectCreationOperation creation, IMethodSymbol method, IParameterSymbol record, KeyFilter filter, ImmutableArray<(INamedTypeSymbol Type, string Bucket, string Key)> writes)
        {
            var write = writes.FirstOrDefault(w => SymbolEqualityComparer.Default.Equals(creation.Type, w.Type));
            if (write.Type is null || creation.Initializer is null)
            {
                return;
            }

            IOperation? bucket = null;
            IOperation? key = null;
            foreach (var initializer in creation.Initializer.Initializers)
            {
                if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
                {
                    if (property.Property.Name == write.Bucket)
                    {
                        bucket = assignment.Value;
                    }
                    else if (property.Property.Name == write.Key)
                    {
                        key = assignment.Value;
                    }
                }
            }

            Report(report, method, record, filter, bucket, key);
        }

        private static void AnalyzeUpload(Action<Diagnostic> report, IInvocationOperation invocation, IMethodSymbol method, IParameterSymbol record, KeyFilter filter, INamedTypeSymbol transferUtility)
        {
            if (!invocation.TargetMethod.Name.StartsWith("Upload", StringComparison.Ordinal) ||
                !(SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, transferUtility) ||
                  invocation.TargetMethod.ContainingType.AllInterfaces.Contains(transferUtility, SymbolEqualityComparer.Default)))
            {
                return;
            }

            var bucket = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "bucketName")?.Value;
            var key = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "key")?.Value;
            Report(report, method, record, filter, bucket, key);
        }

        private static void Report(Action<Diagnostic> report, IMethodSymbol method, IParameterSymbol record, KeyFilter filter, IOperation? bucket, IOperation? key)
        {
            if (bucket is null || !IsRecordBucket(bucket, record))
            {
                return;
            }

            string detail;
            if (!filter.Exists)
            {
                detail = " and its trigger has no prefix or suffix filter";
            }
            else if (filter.Matches(key) is { } reason)
            {
                detail = reason;
            }
            else
            {
                return;
            }

            report(Diagnostic.Create(EventRules.S3RecursiveInvocation, bucket.Syntax.GetLocation(), method.Name, bucket.Syntax.ToString(), detail));
        }

        /// <summary><c>record.Bucket</c>, or a local initialised with it.</summary>
        private static bool IsRecordBucket(IOperation value, IParameterSymbol record)
        {
            value = Unwrap(value);
            if (value is ILocalReferenceOperation local &&
                local.Local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is { } declarator &&
                value.SemanticModel?.GetOperation(declarator) is IVariableDeclaratorOperation { Initializer.Value: { } initial })
            {
                value = Unwrap(initial);
            }

            return value is IPropertyReferenceOperation { Property.Name: "Bucket", Instance: IParameterReferenceOperation parameter } &&
                SymbolEqualityComparer.Default.Equals(parameter.Parameter, record);
        }

        private static IOperation Unwrap(IOperation value)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            return value;
        }

        /// <summary>The trigger's key filters and what can be known of a key at compile time: its constant start and end.</summary>
        private sealed class KeyFilter
        {
            private readonly string? _prefix;
            private readonly string? _suffix;

            public KeyFilter(string? prefix, string? suffix)
            {
                _prefix = prefix;
                _suffix = suffix;
            }

            public bool Exists => _prefix is not null || _suffix is not null;

            /// <summary>Why the written key passes the filters, or null when it does not or cannot be known.</summary>
            public string? Matches(IOperation? key)
            {
                if (key is null)
                {
                    return null;
                }

                // Only a key whose known text passes every filter is judged a loop: a key the filters exclude is the fix, and
                // a key that starts (or ends) with a value the filter may or may not match cannot be judged.
                var (start, end, _) = ConstantEnds(Unwrap(key));
                if (_prefix is not null && (start is null || !start.StartsWith(_prefix, StringComparison.Ordinal)))
                {
                    return null;
                }

                if (_suffix is not null && (end is null || !end.EndsWith(_suffix, StringComparison.Ordinal)))
                {
                    return null;
                }

                return _prefix is not null && _suffix is not null
                    ? $" under a key that matches the trigger's prefix '{_prefix}' and suffix '{_suffix}'"
                    : _prefix is not null
                        ? $" under a key that starts with the trigger's prefix '{_prefix}'"
                        : $" under a key that ends with the trigger's suffix '{_suffix}'";
            }

            /// <summary>The constant text a string expression starts and ends with (null when it starts or ends with a value).</summary>
            private static (string? Start, string? End, bool Complete) ConstantEnds(IOperation key)
            {
                if (key.ConstantValue is { HasValue: true, Value: string constant })
                {
                    return (constant, constant, true);
                }

                switch (key)
                {
                    case IInterpolatedStringOperation interpolated:
                        var parts = interpolated.Parts;
                        var first = parts.FirstOrDefault() is IInterpolatedStringTextOperation { Text.ConstantValue.Value: string head } ? head : null;
                        var last = parts.LastOrDefault() is IInterpolatedStringTextOperation { Text.ConstantValue.Value: string tail } ? tail : null;
                        return (first, last, false);
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation:
                        var left = ConstantEnds(Unwrap(concatenation.LeftOperand));
                        var right = ConstantEnds(Unwrap(concatenation.RightOperand));
                        return (left.Complete && left.Start is not null ? left.Start + (right.Start ?? string.Empty) : left.Start, right.Complete && right.End is not null ? (left.End ?? string.Empty) + right.End : right.End, false);
                    default:
                        return (null, null, false);
                }
            }
        }
    }
}
