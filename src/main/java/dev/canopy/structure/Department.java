package dev.canopy.structure;

/** One department row; {@code parentId} is null only for the top department. */
record Department(long id, String name, Long parentId, Long headMemberId) {

    boolean top() {
        return parentId == null;
    }
}
