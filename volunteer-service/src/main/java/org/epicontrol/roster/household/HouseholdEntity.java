package org.epicontrol.roster.household;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * A household of the register (table {@code household}, migration V7), written one by one through Hibernate Reactive
 * Panache: plain create, read and update. {@code version} is optimistic: an update made on a version someone else
 * has changed meanwhile fails instead of overwriting it. One door per active household is the database's unique
 * index; bulk reads are SQL ({@link Households}).
 */
@Entity
@Table(name = "household")
public class HouseholdEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "community_id")
    public long communityId;

    @Column(name = "building_id")
    public long buildingId;

    @Column(name = "unit_label")
    public String unitLabel;

    public String room;

    public String address;

    @Column(name = "head_count")
    public int headCount;

    @Column(name = "contact_name")
    public String contactName;

    @Column(name = "contact_phone")
    public String contactPhone;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] needs;

    public String note;

    public boolean active;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public int version;

    /** Sets what a create or an update decides: the door, its building and community, the values. */
    void apply(long building, long community, HouseholdValues values, OffsetDateTime now) {
        buildingId = building;
        communityId = community;
        unitLabel = values.unitLabel();
        room = values.room();
        address = values.address();
        headCount = values.headCount();
        contactName = values.contactName();
        contactPhone = values.contactPhone();
        needs = values.needs().stream().map(Enum::name).toArray(String[]::new);
        note = values.note();
        updatedAt = now;
    }

    /** The GraphQL type (its personal fields are guarded there). */
    Household view() {
        List<HouseholdNeed> flags = Arrays.stream(needs).map(HouseholdNeed::valueOf).toList();
        return new Household(String.valueOf(id), unitLabel, room, address, headCount, flags, note, active, buildingId,
                communityId, contactName, contactPhone, version);
    }
}
