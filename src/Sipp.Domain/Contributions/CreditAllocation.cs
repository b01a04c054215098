namespace Sipp.Domain.Contributions;

/// <summary>One part of a credit set off against one bill.</summary>
public readonly record struct CreditPart(int Credit, int Bill, long Amount);

/// <summary>
/// Which Kelebihan Iuran paid for which bill: the bills' set-offs, in the order the bills were issued, use the credits
/// oldest first (iuran.md §7). A bill's set-off is stored as one amount; the parts are derived, so a voided bill simply
/// drops out and its credit is free again.
/// </summary>
public static class CreditAllocation
{
    /// <param name="credits">The credits' amounts, oldest first.</param>
    /// <param name="setOffs">The live and paid bills' set-offs, in issue order.</param>
    public static List<CreditPart> Allocate(IReadOnlyList<long> credits, IReadOnlyList<long> setOffs)
    {
        var parts = new List<CreditPart>();
        var credit = 0;
        var left = credits.Count > 0 ? credits[0] : 0;
        for (var bill = 0; bill < setOffs.Count; bill++)
        {
            var needed = setOffs[bill];
            while (needed > 0 && credit < credits.Count)
            {
                var used = Math.Min(left, needed);
                if (used > 0)
                {
                    parts.Add(new CreditPart(credit, bill, used));
                }

                needed -= used;
                left -= used;
                if (left == 0 && ++credit < credits.Count)
                {
                    left = credits[credit];
                }
            }
        }

        return parts;
    }
}
