import Vapor
import WaymarkDomain
import WaymarkStore
import WaymarkWeb

extension MeasuresData {
    /// The data with the borough's values worked out from the records (`WorkedOutValues`) for each whole period with
    /// no value stored for it (a value entered or published stands): the chart, the judgements and the index then read
    /// them as any other value. A figure from too few children is left out for those who may not see the children.
    func addingWorkedOut(_ req: Request, today: ISODay = .today) async throws -> (MeasuresData, WorkedOutValues) {
        let worked = try await WorkedOutValues.work(today: today, req: req)
        guard let borough, !worked.byCode.isEmpty else { return (self, worked) }
        let seesChildren = req.signedIn?.user.role.permissions.contains(.viewChildren) ?? false
        var data = self
        for indicator in indicators {
            guard let id = indicator.id, let measure = WorkedOutValues.measure(of: indicator), let figures = worked.byCode[indicator.code]
            else { continue }
            let stored = Set((values[id] ?? []).filter { $0.areaID == borough.id }.map(\.period))
            for figure in figures {
                guard case .whole(let period) = figure.span, !stored.contains(period.text),
                    seesChildren || !SmallNumbers.withheld(counted: figure.figure.counted),
                    let value = WorkedOutValues.value(figure.figure, of: measure)
                else { continue }
                let shared = measure.shape == .share
                data.values[id, default: []].append(
                    ValueRow(
                        indicatorID: id, areaID: borough.id!, period: period.text, value: value,
                        count: shared ? Double(figure.figure.meeting) : nil, denominator: shared ? Double(figure.figure.counted) : nil,
                        status: .provisional, workedOut: true))
            }
        }
        return (data, worked)
    }
}
