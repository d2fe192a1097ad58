using MudBlazor;

namespace SmartCity.Portal.Web.Components.Layout;

/// <summary>
/// A sober government look: deep navy with the gold of Thai official documents, Sarabun
/// (the official Thai government typeface, self-hosted) at a size that reads well for Thai.
/// </summary>
public static class PortalTheme
{
    private static readonly string[] FontStack = ["Sarabun", "Tahoma", "sans-serif"];

    public static MudTheme Create() => new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1B3A6B",
            Secondary = "#B8860B",
            Tertiary = "#5B2C83",
            AppbarBackground = "#1B3A6B",
            AppbarText = "#FFFFFF",
            Background = "#F5F6FA",
            DrawerBackground = "#FFFFFF",
            DrawerText = "#1F2937",
            TextPrimary = "#1F2937",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontStack, FontSize = "1rem", LineHeight = "1.6" },
            H1 = new H1Typography { FontFamily = FontStack },
            H2 = new H2Typography { FontFamily = FontStack },
            H3 = new H3Typography { FontFamily = FontStack },
            H4 = new H4Typography { FontFamily = FontStack, FontSize = "1.9rem", FontWeight = "700" },
            H5 = new H5Typography { FontFamily = FontStack, FontWeight = "700" },
            H6 = new H6Typography { FontFamily = FontStack, FontWeight = "700" },
            Button = new ButtonTypography { FontFamily = FontStack, TextTransform = "none" },
            Body1 = new Body1Typography { FontFamily = FontStack },
            Body2 = new Body2Typography { FontFamily = FontStack },
            Subtitle1 = new Subtitle1Typography { FontFamily = FontStack },
            Subtitle2 = new Subtitle2Typography { FontFamily = FontStack },
            Caption = new CaptionTypography { FontFamily = FontStack },
            Overline = new OverlineTypography { FontFamily = FontStack },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };
}
