/// The CLI's exit codes.
public enum ExitCode {
    /// Everything succeeded.
    public static let success: Int32 = 0
    /// Some inputs failed; the others were processed.
    public static let someFailed: Int32 = 1
    /// The command line was wrong.
    public static let usage: Int32 = 64
    /// The only input, or every input, was bad data.
    public static let dataError: Int32 = 65
}
