import Foundation

/// A journey record's fields as JSON text: one object of strings, keys in order, so the same fields always give the
/// same text (the import compares texts to see what changed). Written by hand: Foundation's JSONEncoder was a fifth
/// of the time of importing a 30,000-child census.
public enum FieldsJSON {
    public static func encode(_ fields: [String: String]) -> String {
        var text = "{"
        for (index, key) in fields.keys.sorted().enumerated() {
            if index > 0 { text += "," }
            append(key, to: &text)
            text += ":"
            append(fields[key]!, to: &text)
        }
        return text + "}"
    }

    /// The fields back from the text `encode` wrote (an object of strings; anything else gives what was read so far).
    /// Read by hand too: a child's page decodes hundreds of these, and Foundation's JSONSerialization took most of
    /// its time.
    public static func decode(_ text: String) -> [String: String] { decode(bytes: Array(text.utf8)[...]) }

    /// The same, from the UTF-8 bytes of part of a longer text (the lists of a child's records read at once).
    public static func decode(utf8: ArraySlice<UInt8>) -> [String: String] { decode(bytes: utf8) }

    private static func decode(bytes: ArraySlice<UInt8>) -> [String: String] {
        var bytes = bytes
        var fields: [String: String] = [:]
        guard bytes.popFirst() == UInt8(ascii: "{") else { return fields }
        while let key = string(&bytes), bytes.popFirst() == UInt8(ascii: ":"), let value = string(&bytes) {
            fields[key] = value
            guard bytes.popFirst() == UInt8(ascii: ",") else { break }
        }
        return fields
    }

    /// A JSON string at the front of `bytes` (its escapes undone), consumed; nil when there is none.
    private static func string(_ bytes: inout ArraySlice<UInt8>) -> String? {
        guard bytes.popFirst() == UInt8(ascii: "\"") else { return nil }
        // Most strings hold no escape: made from their bytes at once.
        if let end = bytes.firstIndex(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }), bytes[end] == UInt8(ascii: "\"") {
            defer { bytes = bytes[(end + 1)...] }
            return String(decoding: bytes[..<end], as: UTF8.self)
        }
        var result: [UInt8] = []
        while let byte = bytes.popFirst() {
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: result, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard let escaped = bytes.popFirst() else { return nil }
                switch escaped {
                case UInt8(ascii: "n"): result.append(0x0A)
                case UInt8(ascii: "r"): result.append(0x0D)
                case UInt8(ascii: "t"): result.append(0x09)
                case UInt8(ascii: "u"):
                    guard bytes.count >= 4, let code = UInt32(String(decoding: bytes.prefix(4), as: UTF8.self), radix: 16),
                        let scalar = Unicode.Scalar(code)
                    else { return nil }
                    bytes = bytes.dropFirst(4)
                    result += Array(String(Character(scalar)).utf8)
                default: result.append(escaped) // \" \\ \/
                }
            default:
                result.append(byte)
            }
        }
        return nil
    }

    private static func append(_ string: String, to text: inout String) {
        text += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20: text += String(format: "\\u%04x", scalar.value)
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
