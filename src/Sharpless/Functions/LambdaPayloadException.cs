using System;

namespace Sharpless
{
    /// <summary>
    /// Thrown by a generated Lambda handler when the event payload cannot become the function's payload parameter:
    /// the payload is empty, is JSON <c>null</c> for a parameter that does not accept null, or is not valid JSON for
    /// the parameter's type (then <see cref="Exception.InnerException"/> is the <c>JsonException</c>).
    /// </summary>
    public sealed class LambdaPayloadException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public LambdaPayloadException()
        {
        }

        /// <summary>Creates the exception with a message.</summary>
        public LambdaPayloadException(string message)
            : base(message)
        {
        }

        /// <summary>Creates the exception with a message and the exception that caused it.</summary>
        public LambdaPayloadException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
