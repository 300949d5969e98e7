/// The CLI's exit codes, the same for every command (the BSD `sysexits` values).
public enum ExitCode {
    /// Everything succeeded.
    public static let success: Int32 = 0
    /// Some inputs failed; the others were processed. Also: nothing was found, with `--fail-empty`.
    public static let someFailed: Int32 = 1
    /// A search or list found nothing and `--fail-empty` was given (as `grep` does).
    public static let nothingFound: Int32 = 1

    /// What a search or list ends with: 0, or 1 for nothing found with `--fail-empty`.
    static func found(_ count: Int, _ arguments: ParsedArguments) -> Int32 {
        count == 0 && arguments.flag("fail-empty") ? nothingFound : success
    }
    /// The command line was wrong.
    public static let usage: Int32 = 64
    /// The only input, or every input, was bad data.
    public static let dataError: Int32 = 65
    /// A file or the index could not be read or written.
    public static let ioError: Int32 = 74

    /// 0 when nothing failed, 65 when everything did, 1 otherwise.
    static func of(failures: Int, total: Int) -> Int32 {
        if failures == 0 { return success }
        return failures >= total ? dataError : someFailed
    }
}
