using CampaignDsl.Compiler.Templates;

namespace CampaignDsl.Compiler.Tests.Templates;

/// <summary>GSM-7 and UCS-2 lengths and segment counts, exactly at the boundaries.</summary>
public sealed class SmsLengthTests
{
    private static string Repeat(char c, int count) => new(c, count);

    [Fact]
    public void The_alphabet_has_the_GSM_03_38_tables()
    {
        Assert.Equal(127, Gsm7Alphabet.BasicCount);
        Assert.Equal("\f^{}\\[~]|€", string.Concat(Gsm7Alphabet.ExtensionCharacters));
        Assert.Equal(1, Gsm7Alphabet.Septets('@'));
        Assert.Equal(1, Gsm7Alphabet.Septets('é'));
        Assert.Equal(2, Gsm7Alphabet.Septets('€'));
        Assert.Null(Gsm7Alphabet.Septets('`'));
        Assert.Null(Gsm7Alphabet.Septets('’'));
        Assert.Null(Gsm7Alphabet.Septets('\u001B'));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    [InlineData(459, 3)]
    [InlineData(460, 4)]
    public void Gsm7_fits_160_in_one_segment_and_153_per_segment_after(int length, int segments)
    {
        var size = SmsLength.Measure(Repeat('a', length));

        Assert.Equal(new SmsSize(SmsEncoding.Gsm7, length, length, segments), size);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void Ucs2_fits_70_in_one_segment_and_67_per_segment_after(int length, int segments)
    {
        var size = SmsLength.Measure(Repeat('ł', length));

        Assert.Equal(new SmsSize(SmsEncoding.Ucs2, length, length, segments), size);
    }

    [Theory]
    [InlineData(158, 160, 1)]
    [InlineData(159, 161, 2)]
    public void Extension_characters_count_two(int letters, int length, int segments)
    {
        var size = SmsLength.Measure(Repeat('a', letters) + "€");

        Assert.Equal(SmsEncoding.Gsm7, size.Encoding);
        Assert.Equal(length, size.Length);
        Assert.Equal(letters + 1, size.Characters);
        Assert.Equal(segments, size.Segments);
    }

    [Fact]
    public void An_extension_character_is_not_split_across_segments()
    {
        // 306 septets would fit two segments of 153, but the euro sign cannot straddle the first boundary.
        var size = SmsLength.Measure(Repeat('a', 152) + "€" + Repeat('a', 152));

        Assert.Equal(306, size.Length);
        Assert.Equal(3, size.Segments);
    }

    [Fact]
    public void A_surrogate_pair_counts_two_and_is_not_split()
    {
        Assert.Equal(new SmsSize(SmsEncoding.Ucs2, 70, 69, 1), SmsLength.Measure(Repeat('ł', 68) + "😀"));
        Assert.Equal(new SmsSize(SmsEncoding.Ucs2, 71, 70, 2), SmsLength.Measure(Repeat('ł', 69) + "😀"));
        Assert.Equal(3, SmsLength.Measure(Repeat('ł', 66) + "😀" + Repeat('ł', 66)).Segments);
    }

    [Fact]
    public void One_character_outside_GSM_7_makes_the_whole_text_UCS_2()
    {
        var plain = Repeat('a', 100) + "'";
        var curly = Repeat('a', 100) + "’";

        Assert.Equal(new SmsSize(SmsEncoding.Gsm7, 101, 101, 1), SmsLength.Measure(plain));
        Assert.Equal(new SmsSize(SmsEncoding.Ucs2, 101, 101, 2), SmsLength.Measure(curly));
    }

    [Fact]
    public void Empty_text_takes_no_segment() => Assert.Equal(0, SmsLength.Measure("").Segments);
}
