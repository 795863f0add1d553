using System.Security.Cryptography;
using System.Text;

namespace CampaignDsl.Runtime.Templates;

/// <summary>
/// A contact's code for an incentive, from its pattern (<c>WB-{code:6}</c>): literal text kept, each
/// slot filled from HMAC-SHA-256 of campaign, incentive and contact id under a per-project secret, so
/// that the same contact always gets the same code (one code per incentive, docs/language.md) and codes
/// cannot be guessed from ids. <c>{code:N}</c> uses upper-case letters and digits without the look-alikes
/// I, O, 0 and 1; <c>{digits:N}</c> 0-9; <c>{letters:N}</c> A-Z without I and O.
/// </summary>
public static class IncentiveCodes
{
    /// <summary>The environment variable that holds the project's code secret.</summary>
    public const string SecretVariable = "CAMPAIGNC_CODE_SECRET";

    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private const string Digits = "0123456789";
    private const string Letters = "ABCDEFGHJKLMNPQRSTUVWXYZ";

    /// <summary>The secret codes are drawn under: <see cref="SecretVariable"/> when set, else the campaign's name.</summary>
    public static string SecretFor(string campaign) =>
        Environment.GetEnvironmentVariable(SecretVariable) is { Length: > 0 } secret ? secret : campaign;

    /// <summary>The code, or null with <paramref name="problem"/> set when the pattern has a slot it does not know.</summary>
    public static string? Generate(string pattern, string campaign, string incentive, string contactId, string secret, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var key = Encoding.UTF8.GetBytes(secret);
        var seed = Encoding.UTF8.GetBytes($"{campaign}\n{incentive}\n{contactId}");
        var random = new List<byte>();
        var block = 0;
        var output = new StringBuilder(pattern.Length + 8);
        problem = null;
        var i = 0;
        while (i < pattern.Length)
        {
            var open = pattern.IndexOf('{', i);
            if (open < 0)
            {
                output.Append(pattern, i, pattern.Length - i);
                break;
            }

            output.Append(pattern, i, open - i);
            var close = pattern.IndexOf('}', open);
            var slot = close < 0 ? pattern[(open + 1)..] : pattern[(open + 1)..close];
            var colon = slot.IndexOf(':');
            var alphabet = colon < 0 ? null : slot[..colon] switch { "code" => CodeAlphabet, "digits" => Digits, "letters" => Letters, _ => null };
            if (close < 0 || alphabet is null || !int.TryParse(slot.AsSpan(colon + 1), out var width) || width is < 1 or > 32)
            {
                problem = $"the code pattern '{pattern}' has a slot '{{{slot}}}' that is not {{code:N}}, {{digits:N}} or {{letters:N}} with N from 1 to 32";
                return null;
            }

            for (var n = 0; n < width; n++)
            {
                // Rejection sampling keeps every character equally likely.
                byte value;
                do
                {
                    while (random.Count == 0)
                    {
                        random.AddRange(HMACSHA256.HashData(key, (byte[])[.. seed, .. BitConverter.GetBytes(block++)]));
                    }

                    value = random[0];
                    random.RemoveAt(0);
                }
                while (value >= 256 - (256 % alphabet.Length));

                output.Append(alphabet[value % alphabet.Length]);
            }

            i = close + 1;
        }

        return output.ToString();
    }
}
