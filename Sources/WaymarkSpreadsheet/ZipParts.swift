import CompressNIO
import Foundation
import NIOCore

/// The parts of a ZIP file (a workbook), read from bytes that may have been made to harm the reader. ZIPFoundation,
/// which writes our workbooks, cannot read such bytes safely on Linux (found by `waymark-fuzz`): from memory it stops
/// the process at a directory that points past the file's end, and from a file it loops for ever on a part whose
/// compressed stream never ends. Here every offset and length is checked against the file, a part is unpacked with
/// zlib (compress-nio) only as far as its own bytes and the limit go, and anything else is refused with why.
/// (PKWARE APPNOTE 6.3.10: §4.3.7 local file header, §4.3.12 central directory header, §4.3.16 end of directory.)
struct ZipParts {
    struct Part {
        var method: Int, compressedSize: Int, uncompressedSize: Int, localHeader: Int
    }

    struct Damaged: Error {
        var reason: String
        /// The part is whole but unpacks past the limit.
        var tooLarge = false
    }

    let bytes: [UInt8]
    private(set) var parts: [String: Part] = [:]

    init(_ data: Data) throws(Damaged) {
        bytes = [UInt8](data)
        // The end-of-directory record: its signature within the last 22 bytes and the longest comment after it.
        let last = bytes.count - 22
        guard last >= 0, let end = stride(from: last, through: max(0, last - 65_535), by: -1).first(where: { signature(at: $0, 0x0605_4B50) })
        else { throw Damaged(reason: "it has no directory of its parts") }
        let count = integer(end + 10, 2), size = integer(end + 12, 4), start = integer(end + 16, 4)
        guard start + size <= end else { throw Damaged(reason: "its directory lies outside the file") }
        var offset = start
        for _ in 0..<count {
            guard offset + 46 <= start + size, signature(at: offset, 0x0201_4B50) else { throw Damaged(reason: "its directory is broken") }
            let nameLength = integer(offset + 28, 2), extraLength = integer(offset + 30, 2), commentLength = integer(offset + 32, 2)
            guard offset + 46 + nameLength <= bytes.count else { throw Damaged(reason: "its directory is broken") }
            let name = String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self)
            parts[name] = Part(
                method: integer(offset + 10, 2), compressedSize: integer(offset + 20, 4), uncompressedSize: integer(offset + 24, 4),
                localHeader: integer(offset + 42, 4))
            offset += 46 + nameLength + extraLength + commentLength
        }
    }

    /// The part's bytes, unpacked; nil when there is no such part. Refused past `limit` bytes, whatever its headers say.
    func data(_ name: String, limit: Int) throws(Damaged) -> Data? {
        guard let part = parts[name] else { return nil }
        let header = part.localHeader
        guard header + 30 <= bytes.count, signature(at: header, 0x0403_4B50) else { throw Damaged(reason: "its part \(name) cannot be found") }
        let start = header + 30 + integer(header + 26, 2) + integer(header + 28, 2)
        guard start + part.compressedSize <= bytes.count else { throw Damaged(reason: "its part \(name) runs past the end of the file") }
        let packed = bytes[start..<(start + part.compressedSize)]
        let tooLarge = Damaged(reason: "its part \(name) unpacks to more than \(limit / 1_048_576) MB", tooLarge: true)
        guard part.uncompressedSize <= limit else { throw tooLarge }
        switch part.method {
        case 0:
            guard packed.count <= limit else { throw tooLarge }
            return Data(packed)
        case 8:
            var buffer = ByteBuffer(bytes: packed)
            do {
                var unpacked = try buffer.decompress(with: .deflate(), maxSize: limit)
                return Data(unpacked.readBytes(length: unpacked.readableBytes) ?? [])
            } catch let error as CompressNIOError where error == .bufferOverflow {
                throw tooLarge
            } catch {
                throw Damaged(reason: "its part \(name) could not be unpacked")
            }
        default:
            throw Damaged(reason: "its part \(name) is packed in a way Excel does not use")
        }
    }

    private func signature(at offset: Int, _ value: Int) -> Bool { offset + 4 <= bytes.count && integer(offset, 4) == value }

    /// A little-endian whole number of `width` bytes at `offset` (0 past the end, which every caller then refuses).
    private func integer(_ offset: Int, _ width: Int) -> Int {
        guard offset >= 0, offset + width <= bytes.count else { return 0 }
        return (0..<width).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
    }
}
