using CampaignDsl.Plan;

namespace CampaignDsl.Runtime.Scheduling;

/// <summary>
/// Which A/B subject line a contact gets: a stable hash of campaign, contact and send picks a point in
/// [0, 100), and the subjects' weights, in order, divide that range. The same contact always gets the same line.
/// </summary>
public static class SubjectChoice
{
    public static PlanSubject? Pick(PlanSend send, string campaign, string contactId)
    {
        if (send.Subjects.IsDefaultOrEmpty)
        {
            return null;
        }

        var total = send.Subjects.Sum(s => s.Weight);
        if (total <= 0)
        {
            return send.Subjects[0];
        }

        var point = StableHash.Percentile(campaign, contactId, send.Id, "subject") * total / 100m;
        var upTo = 0m;
        foreach (var subject in send.Subjects)
        {
            upTo += subject.Weight;
            if (point < upTo)
            {
                return subject;
            }
        }

        return send.Subjects[^1];
    }
}
