import Foundation
import NIOCore
import Vapor
import WaymarkApp
import WaymarkDomain
import WaymarkPlanFile
import WaymarkReturns
import WaymarkSpreadsheet
import WaymarkStore
import WaymarkValidation
import WaymarkWeb
import ZIPFoundation

/// Every reader of outside input, with good inputs to start from (made by Waymark's own writers and demo generator)
/// and the tokens that break its kind of file.
struct Reader: Sendable {
    let name: String
    let seeds: [Data]
    let tokens: [String]
    let read: @Sendable (Data) -> Void

    init(name: String, seeds: [Data], tokens: [String], read: @escaping @Sendable (Data) -> Void) {
        precondition(!seeds.isEmpty, "the \(name) reader has no seed inputs to change")
        self.name = name
        self.seeds = seeds
        self.tokens = tokens
        self.read = read
    }

    static func all() throws -> [Reader] {
        // Enough children for every table to have rows; each file is cut to its first 12 lines below.
        let demo = DemoReturns(children: 60, seed: 11, through: ISODay(year: 2026, month: 3, day: 31))
        let (ssda903, cin) = demo.collection(2026)
        let csv903 = SSDA903Table.allCases.compactMap { table -> (String, Data)? in
            guard let rows = ssda903.rows[table], !rows.isEmpty else { return nil }
            let columns = table.columns
            return (
                table.fileName, CSVFile.data([columns.map(\.rawValue)] + rows.prefix(12).map { row in columns.map { row[$0] } }, lineEnding: "\n")
            )
        }
        let census = CINCensusWriter.data(cin)
        let teams = DemoCaseSystem.Teams(
            assessment: ["Assessment"], intervention: ["Intervention"], inCare: "Children in Care",
            leavingCare: "Leaving Care", earlyHelp: ["Early Help"])
        let extract = DemoCaseSystem(demo, teams: teams, seed: 11).files.map { file in
            (
                file.name,
                Data(
                    String(decoding: file.data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).prefix(12)
                        .joined(separator: "\n").utf8)
            )
        }
        let workbook = try Workbook(sheets: [
            .init(
                name: "Values",
                rows: [
                    [.text("indicator"), .text("area"), .text("period"), .text("value")],
                    [.text("neet-16-17"), .text("Barnet"), .text("2019"), .number(2.1)],
                    [.text("neet-16-17"), .text("<b> & \"quotes\""), .date(year: 2024, month: 2, day: 29), .empty],
                ])
        ]).data()
        let common = Mutator.commonTokens
        return [
            // The file's name comes from its length: each table's reader gets inputs of every shape, the same each run.
            Reader(name: "ssda903-csv", seeds: csv903.map(\.1), tokens: common) { data in
                let name = csv903[Int(data.count % csv903.count)].0
                _ = ReadReturn.ssda903([(name, data)], year: 2026)
                _ = SSDA903Files.read(files: [(name, data)])
            },
            Reader(name: "ssda903-xml", seeds: [Data(ssda903XML.utf8)], tokens: common + Mutator.xmlTokens) { data in
                _ = ReadReturn.ssda903([("return.xml", data)], year: 2026)
                _ = SSDA903Files.readXML(data, fileName: "return.xml")
            },
            Reader(name: "cin-xml", seeds: [census, census.prefix(4_000)], tokens: common + Mutator.xmlTokens) { data in
                _ = ReadReturn.cin(("census.xml", data))
                _ = CINCensusFile.read(data, fileName: "census.xml")
            },
            Reader(name: "ssd-csv", seeds: extract.map(\.1), tokens: common) { data in
                _ = ReadReturn.caseSystem([(extract[Int(data.count % extract.count)].0, data)])
            },
            Reader(name: "xlsx", seeds: [workbook], tokens: common + Mutator.xmlTokens) { data in
                _ = try? WorkbookReader.firstSheet(of: data)
            },
            Reader(name: "xlsx-parts", seeds: [Data(sheetXML.utf8)], tokens: common + Mutator.xmlTokens) { data in
                // A well-formed ZIP around a hostile sheet: reaches the XML and cell reading past the archive's checks.
                guard let file = try? zipped(sheet: data) else { return }
                _ = try? WorkbookReader.firstSheet(of: file)
            },
            Reader(name: "plan-yaml", seeds: [Data(planYAML.utf8)], tokens: common + Mutator.yamlTokens) { data in
                _ = PlanFileCoder.read(data)
            },
            Reader(
                name: "form-body",
                seeds: [
                    Data("csrfToken=abc&username=pat.partner&password=correct+horse%20battery".utf8),
                    Data("csrfToken=x&indicators%5B%5D=neet-16-17&indicators%5B%5D=ehc-plans&name=Youth".utf8),
                ],
                tokens: common + Mutator.formTokens
            ) { data in
                let body = ByteBuffer(data: data)
                guard let fields = FormBody.fieldCount(body, type: .urlEncodedForm), fields <= FormBody.maximumFields, data.count <= 65_536 else {
                    return
                }
                _ = try? URLEncodedFormDecoder().decode([String: String].self, from: String(decoding: data, as: UTF8.self))
                _ = try? URLEncodedFormDecoder().decode(SignInForm.self, from: String(decoding: data, as: UTF8.self))
            },
        ]
    }

    struct SignInForm: Decodable {
        var csrfToken: String?, username: String?, password: String?, indicators: [String]?
    }

    static func zipped(sheet: Data) throws -> Data {
        let parts: [(String, Data)] = [
            ("xl/workbook.xml", Data(#"<workbook><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>"#.utf8)),
            ("xl/_rels/workbook.xml.rels", Data(#"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#.utf8)),
            ("xl/worksheets/sheet1.xml", sheet),
        ]
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, bytes) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }

    static let sheetXML = """
        <worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>indicator</t></is></c><c r="B1" t="s"><v>0</v></c></row>\
        <row r="2"><c r="A2"><v>2.5</v></c><c r="B2" s="1"><v>45016</v></c><c r="C2" t="b"><v>1</v></c></row></sheetData></worksheet>
        """

    static let ssda903XML = """
        <?xml version="1.0" encoding="UTF-8"?>
        <EXPSSDA903><CHILD><HEADER><CHILD>1001</CHILD><SEX>1</SEX><DOB>01/02/2015</DOB><ETHNIC>WBRI</ETHNIC><UPN>A123456789012</UPN>\
        <REVIEW><REVIEW>01/06/2025</REVIEW><REVIEW_CODE>PN1</REVIEW_CODE></REVIEW></HEADER>\
        <EPISODE><DECOM>01/04/2025</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PLACE>U1</PLACE><PLACE_PROVIDER>PR1</PLACE_PROVIDER>\
        <DEC></DEC><REC></REC><REASON_PLACE_CHANGE></REASON_PLACE_CHANGE><HOME_POST>N3</HOME_POST><PL_POST>N4</PL_POST><URN>SC123456</URN></EPISODE>\
        </CHILD></EXPSSDA903>
        """

    static let planYAML = """
        format: waymark-plan/1
        organisations:
          - {name: Barnet Homes, kind: housing}
        boards:
          - {name: Board, kind: plan}
        plans:
          - slug: test-plan
            title: Test plan
            kind: partnership
            status: active
            version: "1"
            starts: 2019-04-01
            ends: 2023-03-31
            outcomes:
              - name: Safe and Secure
                objectives:
                  - title: Help children to live in safe and supportive families
                    actions:
                      - title: Develop a Youth Homelessness Strategy
                        responsible: [Barnet Homes]
                        monitoring: [Board]
        """
}
