/// What a conversion did: counts per outcome, kind and encoding, and warnings.
struct ConvertSummary {
    var converted = 0
    var skipped = 0
    var ignored = 0
    var failed = 0
    var warnings = 0
    var kinds: [String: Int] = [:]
    var encodings: [String: Int] = [:]

    func report(seconds: Double, outputDirectory: String) -> String {
        func list(_ d: [String: Int]) -> String { d.isEmpty ? "なし" : d.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "、") }
        return """
        変換 \(converted)、変更なし \(skipped)、失敗 \(failed)、対象外 \(ignored)（\(String(format: "%.1f", seconds)) 秒）
        種別: \(list(kinds))
        文字コード: \(list(encodings))
        警告: \(warnings)
        出力: \(outputDirectory)\(failed > 0 ? "（失敗の一覧: \(outputDirectory)/failures.jsonl）" : "")

        """
    }
}
