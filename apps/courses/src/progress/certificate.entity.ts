import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Proof that a student completed a course; verified publicly by its code. */
@Entity({ name: 'certificate' })
export class CertificateEntity {
  @PrimaryColumn('uuid') id: string;
  @Column() code: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ name: 'course_id', type: 'uuid' }) courseId: string;
  @Column({ name: 'enrollment_id', type: 'uuid' }) enrollmentId: string;
  @Column({ name: 'issued_at', type: 'timestamptz' }) issuedAt: Date;
}
