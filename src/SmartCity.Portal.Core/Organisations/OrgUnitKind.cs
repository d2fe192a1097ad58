namespace SmartCity.Portal.Organisations;

public enum OrgUnitKind
{
    Department = 0,
    Division = 1,
    ProvinceOffice = 2,
    DistrictOffice = 3,
    Municipality = 4,
}

/// <summary>เทศบาลนคร / เทศบาลเมือง / เทศบาลตำบล.</summary>
public enum MunicipalityClass
{
    City = 0,
    Town = 1,
    Subdistrict = 2,
}
