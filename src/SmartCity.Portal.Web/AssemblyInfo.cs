using System.Resources;

// Thai is the portal's first language: the neutral resources are Thai, English is the satellite.
[assembly: NeutralResourcesLanguage("th")]
