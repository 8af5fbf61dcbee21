import Foundation

extension String {
    /// The text without the white space around it. Most values in a return or an extract have none, and the text
    /// between XML elements is only indentation, so those are decided from the bytes at the ends; anything else (white
    /// space beyond ASCII) is left to Foundation. Imports trim hundreds of thousands of values.
    public var trimmed: String {
        let bytes = utf8
        guard let first = bytes.first, let last = bytes.last else { return "" }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        if first < 0x80, last < 0x80, !isSpace(first), !isSpace(last) { return self }
        if bytes.allSatisfy(isSpace) { return "" }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
