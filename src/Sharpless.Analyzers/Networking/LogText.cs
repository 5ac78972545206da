using System;
using Microsoft.CodeAnalysis;

namespace Sharpless.Networking
{
    /// <summary>
    /// Calls that only write text somewhere for people to read — a host name in a log line is not a connection to it.
    /// Recognised by shape, since loggers come from many libraries: <c>Log*</c> methods (ILogger extensions,
    /// ILambdaLogger, LambdaLogger.Log), and <c>Write</c>/<c>WriteLine</c> of Console, Debug and Trace.
    /// </summary>
    internal static class LogText
    {
        public static bool IsLogCall(IMethodSymbol method)
        {
            if (method.Name.StartsWith("Log", StringComparison.Ordinal))
            {
                return true;
            }

            if (method.Name is not ("Write" or "WriteLine" or "WriteLineAsync" or "WriteAsync"))
            {
                return false;
            }

            var type = method.ContainingType?.ToDisplayString();
            return type is "System.Console" or "System.Diagnostics.Debug" or "System.Diagnostics.Trace" or "System.IO.TextWriter";
        }
    }
}
