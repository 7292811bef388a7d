package dev.canopy.tenancy;

/**
 * Where the database is and which roles to use: the owner runs migrations, the application role serves requests.
 */
record DatabaseConnections(String url, String ownerUser, String ownerPassword, String appUser, String appPassword) {}
