import Foundation
import Vapor
import WaymarkSpreadsheet

/// A table uploaded in a form's `file` field (a CSV file or an Excel workbook's first sheet), or why it was not read.
package enum UploadedTable {
    case read(fileName: String, rows: [SheetRow])
    /// Nothing to read: no file chosen (no name), or one that is not a table.
    case refused(fileName: String?, why: String)
}

extension Request {
    private struct FileForm: Content { var file: File? }

    /// The table in the form's `file` field, read within the configured limits.
    package func uploadedTable() -> UploadedTable {
        guard let file = try? content.decode(FileForm.self).file, file.data.readableBytes > 0 else {
            return .refused(fileName: nil, why: "no file was chosen; choose a CSV or Excel file")
        }
        let fileName = file.filename.isEmpty ? "The file" : FileName.base(file.filename)
        do {
            return .read(fileName: fileName, rows: try TableFile.rows(of: Data(buffer: file.data), limits: application.settings.readLimits))
        } catch {
            return .refused(fileName: fileName, why: error.message)
        }
    }
}
