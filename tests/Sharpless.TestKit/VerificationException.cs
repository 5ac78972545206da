namespace Sharpless.TestKit;

/// <summary>
/// Thrown on every verification failure. The kit stays test-framework agnostic: any runner reports an unhandled
/// exception with its message, so the message carries the whole explanation.
/// </summary>
public sealed class VerificationException : Exception
{
    public VerificationException(string message)
        : base(message)
    {
    }
}
