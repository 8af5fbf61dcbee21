/// The tables of the Standard Safeguarding Dataset (SSD) that Waymark reads. The SSD is the open, common extract that
/// councils make from their case systems (Liquidlogic, Mosaic, Eclipse…), defined by Data to Insight
/// (data-to-insight/ssd-data-model); these are its column names as the extract scripts write them. It holds what the
/// statutory returns do not: contacts, early help, visits, health checks, return interviews, care leavers' contact
/// and pathway plans, and who each child is allocated to.
///
/// Four tables are Waymark's own, in the same style, for what the SSD does not hold yet: MASH decisions (with their
/// BRAG ratings), strategy discussions (the initial child protection conference is due 15 working days after the one
/// that started the section 47 enquiry), personal education plans and private fostering notifications. docs/areas.md
/// lists their columns.
public enum SSDTable: String, CaseIterable, Sendable, Comparable {
    case person = "ssd_person"
    case professionals = "ssd_professionals"
    case contacts = "ssd_contacts"
    case mashDecisions = "waymark_mash_decisions"
    case strategyDiscussions = "waymark_strategy_discussions"
    case earlyHelpEpisodes = "ssd_early_help_episodes"
    case cinVisits = "ssd_cin_visits"
    case cinPlanReviews = "waymark_cin_plan_reviews"
    case cpVisits = "ssd_cp_visits"
    case claVisits = "ssd_cla_visits"
    case claHealth = "ssd_cla_health"
    case educationPlans = "waymark_personal_education_plans"
    case missing = "ssd_missing"
    case careLeavers = "ssd_care_leavers"
    case privateFostering = "waymark_private_fostering"
    case involvements = "ssd_involvements"

    public static func < (lhs: SSDTable, rhs: SSDTable) -> Bool { allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)! }

    /// The row's own identifier in the case system: each table's key, and the record's natural key in the store.
    public var idColumn: String {
        switch self {
        case .person: "pers_person_id"
        case .professionals: "prof_professional_id"
        case .contacts: "cont_contact_id"
        case .mashDecisions: "mash_decision_id"
        case .strategyDiscussions: "stra_discussion_id"
        case .earlyHelpEpisodes: "earl_episode_id"
        case .cinVisits: "cinv_cin_visit_id"
        case .cinPlanReviews: "cinr_review_id"
        case .cpVisits: "cppv_cp_visit_id"
        case .claVisits: "clav_cla_visit_id"
        case .claHealth: "clah_health_check_id"
        case .educationPlans: "pepl_pep_id"
        case .missing: "miss_table_id"
        case .careLeavers: "clea_table_id"
        case .privateFostering: "pfos_notification_id"
        case .involvements: "invo_involvements_id"
        }
    }

    /// The child the row is about; the professionals table is about workers, not children.
    public var personColumn: String? {
        switch self {
        case .person: "pers_person_id"
        case .professionals: nil
        case .contacts: "cont_person_id"
        case .mashDecisions: "mash_person_id"
        case .strategyDiscussions: "stra_person_id"
        case .earlyHelpEpisodes: "earl_person_id"
        case .cinVisits: "cinv_person_id"
        case .cinPlanReviews: "cinr_person_id"
        case .cpVisits: "cppv_person_id"
        case .claVisits: "clav_person_id"
        case .claHealth: "clah_person_id"
        case .educationPlans: "pepl_person_id"
        case .missing: "miss_person_id"
        case .careLeavers: "clea_person_id"
        case .privateFostering: "pfos_person_id"
        case .involvements: "invo_person_id"
        }
    }

    /// The day the record starts (where it has one) and whether every row must give it.
    public var starts: (column: String, required: Bool)? {
        switch self {
        case .person, .professionals: nil
        case .contacts: ("cont_contact_date", true)
        case .mashDecisions: ("mash_contact_date", true)
        case .strategyDiscussions: ("stra_discussion_date", true)
        case .earlyHelpEpisodes: ("earl_episode_start_date", true)
        case .cinVisits: ("cinv_cin_visit_date", true)
        case .cinPlanReviews: ("cinr_review_date", true)
        case .cpVisits: ("cppv_cp_visit_date", true)
        case .claVisits: ("clav_cla_visit_date", true)
        case .claHealth: ("clah_health_check_date", true)
        case .educationPlans: ("pepl_pep_date", true)
        case .missing: ("miss_missing_episode_start_date", true)
        // A care leaver's row is where they are now; its latest contact is blank when the council is not in touch.
        case .careLeavers: ("clea_care_leaver_latest_contact", false)
        case .privateFostering: ("pfos_notification_date", true)
        case .involvements: ("invo_involvement_start_date", true)
        }
    }

    /// The day the record ends, where it has one.
    public var ends: String? {
        switch self {
        case .mashDecisions: "mash_decision_date"
        case .earlyHelpEpisodes: "earl_episode_end_date"
        case .missing: "miss_missing_episode_end_date"
        case .privateFostering: "pfos_arrangement_end_date"
        case .involvements: "invo_involvement_end_date"
        default: nil
        }
    }

    /// Every column Waymark knows in the table; a file may leave optional ones out, and other columns are kept as given.
    public var columns: [String] {
        switch self {
        case .person:
            [
                "pers_legacy_id", "pers_person_id", "pers_upn", "pers_forename", "pers_surname", "pers_sex", "pers_gender", "pers_ethnicity",
                "pers_dob",
                "pers_single_unique_id", "pers_upn_unknown", "pers_send_flag", "pers_expected_dob", "pers_death_date", "pers_is_mother",
                "pers_nationality",
            ]
        case .professionals:
            [
                "prof_professional_id", "prof_staff_id", "prof_professional_name", "prof_social_worker_registration_no", "prof_agency_worker_flag",
                "prof_professional_job_title", "prof_professional_caseload", "prof_professional_department", "prof_full_time_equivalency",
            ]
        case .contacts:
            [
                "cont_contact_id", "cont_person_id", "cont_contact_date", "cont_contact_source_code", "cont_contact_source_desc",
                "cont_contact_outcome_json",
            ]
        case .mashDecisions:
            [
                "mash_decision_id", "mash_person_id", "mash_contact_id", "mash_contact_date", "mash_decision_date", "mash_brag_initial",
                "mash_brag_final",
                "mash_outcome",
            ]
        case .strategyDiscussions:
            ["stra_discussion_id", "stra_person_id", "stra_discussion_date", "stra_outcome"]
        case .earlyHelpEpisodes:
            [
                "earl_episode_id", "earl_person_id", "earl_episode_start_date", "earl_episode_end_date", "earl_episode_reason",
                "earl_episode_end_reason",
                "earl_episode_organisation", "earl_episode_worker_id",
            ]
        case .cinVisits:
            [
                "cinv_cin_visit_id", "cinv_person_id", "cinv_cin_visit_date", "cinv_cin_visit_seen", "cinv_cin_visit_seen_alone",
                "cinv_cin_visit_bedroom",
            ]
        case .cinPlanReviews:
            ["cinr_review_id", "cinr_person_id", "cinr_review_date"]
        case .cpVisits:
            [
                "cppv_cp_visit_id", "cppv_person_id", "cppv_cp_plan_id", "cppv_cp_visit_date", "cppv_cp_visit_seen", "cppv_cp_visit_seen_alone",
                "cppv_cp_visit_bedroom",
            ]
        case .claVisits:
            ["clav_cla_visit_id", "clav_cla_id", "clav_person_id", "clav_cla_visit_date", "clav_cla_visit_seen", "clav_cla_visit_seen_alone"]
        case .claHealth:
            ["clah_health_check_id", "clah_person_id", "clah_health_check_type", "clah_health_check_date", "clah_health_check_status"]
        case .educationPlans:
            ["pepl_pep_id", "pepl_person_id", "pepl_pep_date", "pepl_pep_status"]
        case .missing:
            [
                "miss_table_id", "miss_person_id", "miss_missing_episode_start_date", "miss_missing_episode_type", "miss_missing_episode_end_date",
                "miss_missing_rhi_offered", "miss_missing_rhi_accepted", "miss_missing_rhi_date",
            ]
        case .careLeavers:
            [
                "clea_table_id", "clea_person_id", "clea_care_leaver_eligibility", "clea_care_leaver_in_touch", "clea_care_leaver_latest_contact",
                "clea_care_leaver_accommodation", "clea_care_leaver_accom_suitable", "clea_care_leaver_activity", "clea_pathway_plan_review_date",
                "clea_care_leaver_personal_advisor", "clea_care_leaver_allocated_team", "clea_care_leaver_worker_id",
            ]
        case .privateFostering:
            [
                "pfos_notification_id", "pfos_person_id", "pfos_notification_date", "pfos_arrangement_start_date", "pfos_arrangement_end_date",
                "pfos_first_visit_date",
            ]
        case .involvements:
            [
                "invo_involvements_id", "invo_professional_id", "invo_professional_role_id", "invo_professional_team", "invo_person_id",
                "invo_involvement_start_date", "invo_involvement_end_date", "invo_worker_change_reason", "invo_referral_id",
            ]
        }
    }

    /// Columns a file of this table must have: its key, its child and its start day.
    public var requiredColumns: [String] {
        var required = [idColumn]
        if let personColumn, personColumn != idColumn { required.append(personColumn) }
        if let starts, starts.required { required.append(starts.column) }
        return required
    }

    /// Columns holding days (checked as days; `TIMESTAMP` as extracts write it, or dd/mm/yyyy).
    public var dateColumns: [String] {
        columns.filter { $0.hasSuffix("_date") || $0.hasSuffix("_dob") || $0.hasSuffix("_latest_contact") }
    }
}
