extension PlanFile {
    static let organisationKinds: Set<String> = ["council", "nhs", "police", "school", "housing", "voluntary", "young-people", "other"]
    static let boardKinds: Set<String> = ["board", "committee", "plan", "report", "other"]

    /// Every problem in the file, in file order. An empty list means the file can be imported whole.
    public func problems() -> [DataFileProblem] {
        var problems: [DataFileProblem] = []
        func problem(_ path: String, _ message: String) { problems.append(.init(path: path, message: message)) }

        if format != Self.currentFormat {
            problem("format", "must be \"\(Self.currentFormat)\", not \"\(format)\"")
        }

        var organisationNames: Set<String> = []
        for (index, organisation) in organisations.enumerated() {
            let path = "organisations[\(index)]"
            checkName(organisation.name, at: "\(path).name", problem)
            if !Self.organisationKinds.contains(organisation.kind) {
                problem(
                    "\(path).kind", "unknown kind \"\(organisation.kind)\"; use one of \(Self.organisationKinds.sorted().joined(separator: ", "))")
            }
            for (aliasIndex, name) in ([organisation.name] + (organisation.aliases ?? [])).enumerated() {
                let namePath = aliasIndex == 0 ? "\(path).name" : "\(path).aliases[\(aliasIndex - 1)]"
                if !organisationNames.insert(name).inserted {
                    problem(namePath, "\"\(name)\" names another organisation already")
                }
            }
        }

        var boardNames: Set<String> = []
        for (index, board) in boards.enumerated() {
            let path = "boards[\(index)]"
            checkName(board.name, at: "\(path).name", problem)
            if !Self.boardKinds.contains(board.kind) {
                problem("\(path).kind", "unknown kind \"\(board.kind)\"; use one of \(Self.boardKinds.sorted().joined(separator: ", "))")
            }
            for (aliasIndex, name) in ([board.name] + (board.aliases ?? [])).enumerated() {
                let namePath = aliasIndex == 0 ? "\(path).name" : "\(path).aliases[\(aliasIndex - 1)]"
                if !boardNames.insert(name).inserted {
                    problem(namePath, "\"\(name)\" names another board already")
                }
            }
        }

        var slugs: Set<String> = []
        var actionKeys: Set<String> = []
        var outcomeKeys: Set<String> = []
        for (planIndex, plan) in plans.enumerated() {
            let planPath = "plans[\(planIndex)]"
            if !Self.isSlug(plan.slug) {
                problem("\(planPath).slug", "\"\(plan.slug)\" must be lower-case letters, digits and hyphens")
            } else if !slugs.insert(plan.slug).inserted {
                problem("\(planPath).slug", "\"\(plan.slug)\" is used by another plan")
            }
            checkName(plan.title, at: "\(planPath).title", problem)
            checkName(plan.version, at: "\(planPath).version", problem)
            let starts = checkDate(plan.starts, at: "\(planPath).starts", problem)
            let ends = checkDate(plan.ends, at: "\(planPath).ends", problem)
            if let starts, let ends, ends < starts {
                problem("\(planPath).ends", "\(plan.ends) is before the plan starts (\(plan.starts))")
            }
            for (index, measure) in (plan.measures ?? []).enumerated() {
                checkName(measure, at: "\(planPath).measures[\(index)]", problem)
            }

            var refs: Set<String> = []
            func checkRef(_ ref: String, at path: String) {
                if !Self.isRef(ref) {
                    problem(path, "\"\(ref)\" must be a short reference of letters, digits, dots, hyphens and underscores")
                } else if !refs.insert(ref).inserted {
                    problem(path, "\"\(ref)\" is used twice in this plan")
                }
            }
            for (outcomeIndex, outcome) in plan.outcomes.enumerated() {
                let outcomePath = "\(planPath).outcomes[\(outcomeIndex)]"
                checkName(outcome.name, at: "\(outcomePath).name", problem)
                checkRef(outcome.resolvedRef(position: outcomeIndex), at: "\(outcomePath).ref")
                outcomeKeys.insert("\(plan.slug)/\(outcome.resolvedRef(position: outcomeIndex))")
                for (index, figure) in (outcome.keyFigures ?? []).enumerated() {
                    checkName(figure.value, at: "\(outcomePath).key_figures[\(index)].value", problem)
                    checkName(figure.label, at: "\(outcomePath).key_figures[\(index)].label", problem)
                    if let code = figure.indicator, !(indicators ?? []).contains(where: { $0.code == code }) {
                        problem("\(outcomePath).key_figures[\(index)].indicator", "no indicator \"\(code)\" in this file")
                    }
                }
                for (index, statement) in (outcome.youngPeopleSaid ?? []).enumerated() {
                    checkName(statement, at: "\(outcomePath).young_people_said[\(index)]", problem)
                }
                for (objectiveIndex, objective) in outcome.objectives.enumerated() {
                    let objectivePath = "\(outcomePath).objectives[\(objectiveIndex)]"
                    let objectiveRef = objective.resolvedRef(outcome: outcome.resolvedRef(position: outcomeIndex), position: objectiveIndex)
                    checkName(objective.title, at: "\(objectivePath).title", problem)
                    checkRef(objectiveRef, at: "\(objectivePath).ref")
                    for (actionIndex, action) in (objective.actions ?? []).enumerated() {
                        let actionPath = "\(objectivePath).actions[\(actionIndex)]"
                        let ref = action.resolvedRef(objective: objectiveRef, position: actionIndex)
                        checkRef(ref, at: "\(actionPath).ref")
                        actionKeys.insert("\(plan.slug)/\(ref)")
                        checkName(action.title, at: "\(actionPath).title", problem)
                        if action.responsible.isEmpty {
                            problem("\(actionPath).responsible", "name at least one responsible organisation")
                        }
                        for (index, name) in action.responsible.enumerated() where !organisationNames.contains(name) {
                            problem("\(actionPath).responsible[\(index)]", "unknown organisation \"\(name)\"")
                        }
                        for (index, name) in (action.monitoring ?? []).enumerated() where !boardNames.contains(name) {
                            problem("\(actionPath).monitoring[\(index)]", "unknown board \"\(name)\"")
                        }
                        let starts = action.starts.flatMap { checkDate($0, at: "\(actionPath).starts", problem) }
                        let due = action.due.flatMap { checkDate($0, at: "\(actionPath).due", problem) }
                        if let starts, let due, due < starts {
                            problem("\(actionPath).due", "\(action.due!) is before the action starts (\(action.starts!))")
                        }
                        if let progress = action.progress, !(0...100).contains(progress) {
                            problem("\(actionPath).progress", "\(progress) must be a percentage from 0 to 100")
                        }
                        if let rag = action.rag, rag.needsReason, (action.ragReason ?? "").allSatisfy(\.isWhitespace) {
                            problem("\(actionPath).rag_reason", "a \(rag.rawValue) rating needs a reason")
                        }
                    }
                }
            }
        }

        var recommendationKeys: Set<String> = []
        for (index, recommendation) in (recommendations ?? []).enumerated() {
            let path = "recommendations[\(index)]"
            if !recommendationKeys.insert("\(recommendation.source.rawValue)#\(recommendation.number)").inserted {
                problem("\(path).number", "\(recommendation.source.rawValue) recommendation \(recommendation.number) is listed twice")
            }
            checkName(recommendation.text, at: "\(path).text", problem)
            for (actionIndex, key) in (recommendation.answeredBy ?? []).enumerated() where !actionKeys.contains(key) {
                problem("\(path).answered_by[\(actionIndex)]", "no action \"\(key)\"; write plan-slug/ref")
            }
        }

        for (index, visit) in (monitoringVisits ?? []).enumerated() {
            let path = "monitoring_visits[\(index)]"
            if ISODay(visit.date) == nil && ISODay(visit.date + "-01") == nil {
                problem("\(path).date", "\"\(visit.date)\" must be a date written yyyy-mm-dd or a month written yyyy-mm")
            }
            checkName(visit.focus, at: "\(path).focus", problem)
        }

        for (index, document) in (documents ?? []).enumerated() {
            let path = "documents[\(index)]"
            checkName(document.title, at: "\(path).title", problem)
            if let review = document.reviewDue { _ = checkDate(review, at: "\(path).review_due", problem) }
            for (planIndex, slug) in (document.plans ?? []).enumerated() where !slugs.contains(slug) {
                problem("\(path).plans[\(planIndex)]", "no plan \"\(slug)\" in this file")
            }
        }
        problems += indicatorProblems(outcomeKeys: outcomeKeys, actionKeys: actionKeys)
        return problems
    }

    private func checkName(_ value: String, at path: String, _ problem: (String, String) -> Void) {
        if value.allSatisfy(\.isWhitespace) {
            problem(path, "must not be blank")
        } else if value != value.trimmingWhitespace {
            problem(path, "\"\(value)\" has spaces at its start or end")
        }
    }

    private func checkDate(_ value: String, at path: String, _ problem: (String, String) -> Void) -> ISODay? {
        guard let day = ISODay(value) else {
            problem(path, "\"\(value)\" is not a date written yyyy-mm-dd")
            return nil
        }
        return day
    }

    /// Refs appear in addresses (`/plans/cypp/actions/2.1.1`), so they keep to characters that need no escaping.
    static func isRef(_ value: String) -> Bool {
        !value.isEmpty && value.count <= 40
            && value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_") }
    }

    static func isSlug(_ value: String) -> Bool {
        !value.isEmpty && value.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}

extension PlanFile.Outcome {
    public func resolvedRef(position: Int) -> String { ref ?? "\(position + 1)" }
}

extension PlanFile.Objective {
    public func resolvedRef(outcome: String, position: Int) -> String { ref ?? "\(outcome).\(position + 1)" }
}

extension PlanFile.Action {
    public func resolvedRef(objective: String, position: Int) -> String { ref ?? "\(objective).\(position + 1)" }
}

extension String {
    var trimmingWhitespace: Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map(index(after:)) ?? start
        return self[start..<end]
    }
}
