import Foundation
import Testing
import WaymarkDomain

@testable import WaymarkReturns

/// The case system's extract (Standard Safeguarding Dataset tables) read as extracts write it, and bad input.
@Suite struct SSDExtractReaderTests {
    static func csv(_ text: String) -> Data { Data(text.utf8) }

    static let person = csv(
        """
        pers_legacy_id,pers_person_id,pers_upn,pers_forename,pers_surname,pers_sex,pers_gender,pers_ethnicity,pers_dob,pers_single_unique_id,pers_upn_unknown,pers_send_flag,pers_expected_dob,pers_death_date,pers_is_mother,pers_nationality
        L1,1001,A123456789012,Amara,Okafor,F,02,BAFR,2015-03-04 00:00:00.000,9434765919,,N,,,N,
        L2,1002,,Theo,Smith,M,01,WBRI,2019-11-30,,UN1,N,,,N,

        """)
    static let contacts = csv(
        """
        cont_contact_id,cont_person_id,cont_contact_date,cont_contact_source_code,cont_contact_source_desc,cont_contact_outcome_json
        C1,1001,2025-06-02 09:14:00,1B,Police,"{""NEW_REFERRAL_FLAG"": ""Y"", ""NFA_FLAG"": ""N""}"
        C2,1002,03/06/2025,3A,School,"{""NFA_FLAG"": ""Y""}"

        """)
    static let involvements = csv(
        """
        invo_involvements_id,invo_professional_id,invo_professional_role_id,invo_professional_team,invo_person_id,invo_involvement_start_date,invo_involvement_end_date,invo_worker_change_reason,invo_referral_id
        I1,P7,Allocated Social Worker,Duty & Assessment Team 1,1001,2025-06-03,2025-07-20,TSPROC,R1
        I2,P8,Allocated Social Worker,Intervention and Planning Team 1,1001,2025-07-21,,,R1

        """)
    static let professionals = csv(
        """
        prof_professional_id,prof_staff_id,prof_professional_name,prof_social_worker_registration_no,prof_agency_worker_flag,prof_professional_job_title,prof_professional_caseload,prof_professional_department,prof_full_time_equivalency
        P7,S7,Sam Mensah,SW123456,N,Social Worker,18,Duty & Assessment Team 1,1
        P8,S8,Ruth Cohen,SW654321,N,Senior Social Worker,15,Intervention and Planning Team 1,0.8

        """)

    @Test func eachFileIsRecognisedByItsColumnsWhateverItsName() {
        let extract = SSDExtractReader.read(files: [
            ("people.csv", Self.person), ("export (3).csv", Self.contacts),
            ("a.csv", Self.involvements), ("b.csv", Self.professionals),
        ])
        #expect(extract.problems.isEmpty)
        #expect(extract.rows[.person]?.count == 2 && extract.rows[.contacts]?.count == 2)
        let contact = extract.rows[.contacts]![0]
        #expect(contact.file == "export (3).csv" && contact.line == 2)
        #expect(contact["cont_contact_outcome_json"] == #"{"NEW_REFERRAL_FLAG": "Y", "NFA_FLAG": "N"}"#)
        // A day with its time, and one written dd/mm/yyyy.
        #expect(contact.day("cont_contact_date") == ISODay(year: 2025, month: 6, day: 2))
        #expect(extract.rows[.contacts]![1].day("cont_contact_date") == ISODay(year: 2025, month: 6, day: 3))
    }

    @Test func childrenAndRecordsComeFromTheExtract() {
        let read = ReadReturn.caseSystem([("people.csv", Self.person), ("contacts.csv", Self.contacts), ("notes.txt", Data("x".utf8))])
        #expect(read.files == ["people.csv", "contacts.csv"])
        let amara = read.journeys.children.first { $0.localID == "1001" }
        #expect(
            amara
                == ChildIdentity(
                    localID: "1001", upn: "A123456789012", dateOfBirth: ISODay(year: 2015, month: 3, day: 4), sex: "F",
                    ethnicity: "BAFR", nhsNumber: "9434765919", givenName: "Amara", familyName: "Okafor"))
        let records = read.journeys.records
        #expect(records.map(\.kind) == [.caseSystem(.contacts), .caseSystem(.contacts)])
        #expect(records[0].childLocalID == "1001" && records[0].naturalKey == "C1" && records[0].starts == ISODay(year: 2025, month: 6, day: 2))
        #expect(records[0].fields["cont_contact_source_desc"] == "Police")
    }

    @Test func allocationsNameAndIdentifyTheWorkerFromTheProfessionalsTable() {
        let read = ReadReturn.caseSystem([("i.csv", Self.involvements), ("p.csv", Self.professionals)])
        #expect(
            read.allocations == [
                CaseAllocation(
                    childLocalID: "1001", team: "Duty & Assessment Team 1", worker: "Sam Mensah", workerStaffID: "S7",
                    starts: ISODay(year: 2025, month: 6, day: 3),
                    ends: ISODay(year: 2025, month: 7, day: 20)),
                CaseAllocation(
                    childLocalID: "1001", team: "Intervention and Planning Team 1", worker: "Ruth Cohen", workerStaffID: "S8",
                    starts: ISODay(year: 2025, month: 7, day: 21), ends: nil),
            ])
        // The allocations are in the chronology too.
        #expect(read.journeys.records.map(\.kind) == [.caseSystem(.involvements), .caseSystem(.involvements)])
    }

    @Test func badRowsAreLeftOutWithTheirLineFieldAndValue() {
        let visits = Self.csv(
            """
            cppv_cp_visit_id,cppv_person_id,cppv_cp_plan_id,cppv_cp_visit_date,cppv_cp_visit_seen,cppv_cp_visit_seen_alone,cppv_cp_visit_bedroom
            V1,1001,CP1,2025-08-04,Y,Y,N
            V2,1001,CP1,2025-02-30,Y,N,N
            V3,,CP1,2025-08-18,Y,N,N
            V4,1001,CP1,,Y,N,N
            V5,1001,CP1,18.08.2025,Y,N,N
            V6,1001
            """)
        let extract = SSDExtractReader.read(files: [("cp_visits.csv", visits)])
        #expect(extract.rows[.cpVisits]?.map { $0["cppv_cp_visit_id"] } == ["V1"])
        #expect(
            extract.problems.map(\.description) == [
                #"cp_visits.csv, line 3, cppv_cp_visit_date "2025-02-30": is not a date (write it yyyy-mm-dd, as the extract does, or dd/mm/yyyy) (row left out)"#,
                "cp_visits.csv, line 4, cppv_person_id: is blank; every row needs it (row left out)",
                "cp_visits.csv, line 5, cppv_cp_visit_date: is blank; every row needs it (row left out)",
                #"cp_visits.csv, line 6, cppv_cp_visit_date "18.08.2025": is not a date (write it yyyy-mm-dd, as the extract does, or dd/mm/yyyy) (row left out)"#,
                "cp_visits.csv, line 7: has 2 values for 7 columns (row left out)",
            ])
    }

    @Test func filesThatAreNoTableOrTwiceOneTableAreRefused() {
        let misspelt = Self.csv("cont_contact_id,cont_person_id,cont_contact_dat\nC1,1001,2025-06-02\n")
        let unknown = Self.csv("id,name\n1,x\n")
        let extract = SSDExtractReader.read(files: [("a.csv", misspelt), ("b.csv", unknown), ("c.csv", Self.contacts), ("d.csv", Self.contacts)])
        #expect(
            extract.problems.map(\.description) == [
                "a.csv, line 1: its columns are nearest to ssd_contacts, but it has no cont_contact_date (file refused)",
                "b.csv, line 1: its columns are not those of any table of the case-system extract (the Standard Safeguarding Dataset); each table is known by its columns, such as cont_contact_id, cont_person_id and cont_contact_date for contacts (file refused)",
                "d.csv: holds the ssd_contacts table, as c.csv does; import one of them (file refused)",
            ])
        let utf16 = SSDExtractReader.read(files: [("e.csv", "cont_contact_id\n".data(using: .utf16)!)])
        #expect(utf16.problems.first?.effect == .fileRefused && utf16.problems.first?.message.contains("UTF-16") == true)
    }
}
